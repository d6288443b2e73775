# cfn-lambda with the aws CLI (for `cfn-lambda snapshot`), in two stages: the static release
# binary is built with the Swift toolchain, then copied alone into a small image.
#   docker build -t cfn-lambda .
#   docker run --rm -v "$PWD:/work" cfn-lambda validate templates/
FROM swift:6.3-bookworm AS build
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends libyaml-dev zlib1g-dev pkg-config \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN cp "$(scripts/build-release.sh | tail -n 1)" /usr/local/bin/cfn-lambda

FROM python:3.12-slim-bookworm
RUN pip install --no-cache-dir awscli
COPY --from=build /usr/local/bin/cfn-lambda /usr/local/bin/cfn-lambda
WORKDIR /work
ENTRYPOINT ["cfn-lambda"]
CMD ["--help"]
