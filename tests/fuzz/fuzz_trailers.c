/*
 * Commit messages: sg_message_cleanup, then sg_trailers_parse and
 * sg_trailers_misplaced on the raw and on the cleaned message, as the
 * commit-msg hook and the history walk read them. The first byte picks
 * the comment character and the cleanup mode; the rest is the message.
 */
#include "fuzz.h"

#include "git/cleanup.h"
#include "git/trailers.h"
#include "util/buf.h"
#include "util/error.h"

static void read_trailers(const char *message, char comment_char)
{
	struct sg_trailers t = SG_TRAILERS_INIT;
	struct sg_trailers m = SG_TRAILERS_INIT;

	if (sg_trailers_parse(&t, message, comment_char) < 0)
		sg_error_clear();
	if (sg_trailers_misplaced(&m, message, comment_char,
				  "Security-Requirement") < 0)
		sg_error_clear();
	sg_trailers_release(&t);
	sg_trailers_release(&m);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char comment_chars[] = { '#', ';', '%', '*' };
	struct sg_buf clean = SG_BUF_INIT;
	char comment_char;
	enum sg_cleanup_mode mode;
	char *message;

	if (!size)
		return 0;
	comment_char = comment_chars[data[0] & 3];
	mode = (enum sg_cleanup_mode)((data[0] >> 2) & 3);
	message = sg_fuzz_strndup(data + 1, size - 1);

	read_trailers(message, comment_char);
	if (sg_message_cleanup(&clean, message, size - 1, comment_char, mode) < 0)
		sg_error_clear();
	else
		read_trailers(clean.ptr, comment_char);

	sg_buf_release(&clean);
	free(message);
	return 0;
}
