#ifndef CFN_LAMBDA_CYAML_SHIM_H
#define CFN_LAMBDA_CYAML_SHIM_H
#include <yaml.h>
#endif
