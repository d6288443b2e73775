// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "cfn-lambda",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "cfn-lambda", targets: ["cfn-lambda"]),
        .library(name: "CFNCore", targets: ["CFNCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The system libyaml (Debian: libyaml-dev). Only CFNLoader imports it.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // The system zlib (Debian: zlib1g-dev). Only the CLI imports it, to estimate zipped sizes.
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        // libyaml events -> compact node tree with byte ranges.
        .target(name: "CFNLoader", dependencies: ["CYAML"]),
        // The data files of schemas/ (CloudFormation schemas, patches, runtime dates), compiled into
        // the binary by scripts/embed-data.py: no resource bundle to lose.
        .target(name: "CFNSchemas"),
        // Template model, findings, rules. Never prints.
        .target(name: "CFNCore", dependencies: ["CFNLoader", "CFNSchemas"]),
        // Text, JSON, ... renderers of results. Never compute.
        .target(name: "CFNReporters", dependencies: ["CFNCore"]),
        // Thin CLI.
        .executableTarget(
            name: "cfn-lambda",
            dependencies: [
                "CFNCore", "CFNReporters", "CFNSchemas", "CZlib",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "cfn-lambda-bench",
            dependencies: ["CFNLoader", "CFNCore"],
            path: "Benchmarks/cfn-lambda-bench"
        ),
        .testTarget(name: "CFNLoaderTests", dependencies: ["CFNLoader"]),
        .testTarget(name: "CFNCoreTests", dependencies: ["CFNCore", "CFNReporters"]),
        .testTarget(name: "CFNReportersTests", dependencies: ["CFNReporters"]),
        // Fixtures are read by path at run time, not bundled.
        .testTarget(name: "CLITests", dependencies: ["cfn-lambda"], exclude: ["Fixtures"]),
    ]
)
