#ifndef SG_REPORT_XML_H
#define SG_REPORT_XML_H

#include <stddef.h>

struct sg_buf;

/*
 * Text from repositories (commit subjects, paths, messages) for documents
 * that other tools parse: always valid UTF-8, always well-formed.
 */

/*
 * Decode one UTF-8 character at `s` (not at its NUL). Returns the bytes
 * it takes (at least 1) and sets *cp; a malformed, overlong or surrogate
 * sequence takes one byte and gives U+FFFD.
 */
size_t sg_utf8_next(unsigned *cp, const char *s);

/* Append `s` with every malformed sequence replaced by U+FFFD. */
void sg_utf8_add(struct sg_buf *out, const char *s);

/* Append the code point `cp` encoded as UTF-8. */
void sg_utf8_add_cp(struct sg_buf *out, unsigned cp);

/*
 * Append `s` as XML 1.0 character data or attribute value: & < > " '
 * become entities, tab/newline/carriage return become character references
 * (so attribute values keep them), and every character XML 1.0 forbids
 * (other control characters, U+FFFE, U+FFFF, malformed UTF-8) becomes
 * U+FFFD.
 */
void sg_xml_escape(struct sg_buf *out, const char *s);

/* The same for element content, keeping tabs and line breaks as they are. */
void sg_xml_escape_text(struct sg_buf *out, const char *s);

#endif
