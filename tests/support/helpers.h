#ifndef SG_TEST_HELPERS_H
#define SG_TEST_HELPERS_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

/* $SG_SHARED_DATA/<rel>, or NULL when the shared data is not there. */
const char *sg_test_shared_data(void);
/* $SG_SOURCE_DIR (the project's top directory). */
const char *sg_test_source_dir(void);

#endif
