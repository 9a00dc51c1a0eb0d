#include "report/xml.h"
#include "util/buf.h"

size_t sg_utf8_next(unsigned *cp, const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned c = s[0], min;
	size_t n, i;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		n = 2;
		c &= 0x1f;
		min = 0x80;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3;
		c &= 0x0f;
		min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4;
		c &= 0x07;
		min = 0x10000;
	} else {
		*cp = 0xfffd;
		return 1;
	}
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80) {
			*cp = 0xfffd;
			return 1;
		}
		c = (c << 6) | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) {
		*cp = 0xfffd;
		return 1;
	}
	*cp = c;
	return n;
}

void sg_utf8_add_cp(struct sg_buf *out, unsigned cp)
{
	if (cp < 0x80) {
		sg_buf_addch(out, (char)cp);
	} else if (cp < 0x800) {
		sg_buf_addch(out, (char)(0xc0 | (cp >> 6)));
		sg_buf_addch(out, (char)(0x80 | (cp & 0x3f)));
	} else if (cp < 0x10000) {
		sg_buf_addch(out, (char)(0xe0 | (cp >> 12)));
		sg_buf_addch(out, (char)(0x80 | ((cp >> 6) & 0x3f)));
		sg_buf_addch(out, (char)(0x80 | (cp & 0x3f)));
	} else {
		sg_buf_addch(out, (char)(0xf0 | (cp >> 18)));
		sg_buf_addch(out, (char)(0x80 | ((cp >> 12) & 0x3f)));
		sg_buf_addch(out, (char)(0x80 | ((cp >> 6) & 0x3f)));
		sg_buf_addch(out, (char)(0x80 | (cp & 0x3f)));
	}
}

void sg_utf8_add(struct sg_buf *out, const char *s)
{
	unsigned cp;

	while (*s) {
		size_t n = sg_utf8_next(&cp, s);

		if (cp == 0xfffd && n == 1 && (unsigned char)*s >= 0x80)
			sg_utf8_add_cp(out, cp);
		else
			sg_buf_add(out, s, n);
		s += n;
	}
}

static void escape(struct sg_buf *out, const char *s, int attr)
{
	unsigned cp;

	while (*s) {
		size_t n = sg_utf8_next(&cp, s);

		switch (cp) {
		case '&':
			sg_buf_adds(out, "&amp;");
			break;
		case '<':
			sg_buf_adds(out, "&lt;");
			break;
		case '>':
			sg_buf_adds(out, "&gt;");
			break;
		case '"':
			sg_buf_adds(out, "&quot;");
			break;
		case '\'':
			sg_buf_adds(out, "&apos;");
			break;
		case '\t':
			sg_buf_adds(out, attr ? "&#9;" : "\t");
			break;
		case '\n':
			sg_buf_adds(out, attr ? "&#10;" : "\n");
			break;
		case '\r':
			sg_buf_adds(out, "&#13;");
			break;
		default:
			if (cp < 0x20 || cp == 0xfffe || cp == 0xffff ||
			    (cp >= 0x7f && cp <= 0x84) || (cp >= 0x86 && cp <= 0x9f))
				sg_utf8_add_cp(out, 0xfffd);
			else if (cp == 0xfffd)
				sg_utf8_add_cp(out, cp);
			else
				sg_buf_add(out, s, n);
		}
		s += n;
	}
}

void sg_xml_escape(struct sg_buf *out, const char *s)
{
	escape(out, s, 1);
}

void sg_xml_escape_text(struct sg_buf *out, const char *s)
{
	escape(out, s, 0);
}
