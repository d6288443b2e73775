// zlib (Debian: zlib1g-dev; in the macOS SDK): the CLI deflates the files of a CDK asset folder to
// estimate the size of the zip the CDK CLI will make of it.
#include <zlib.h>
