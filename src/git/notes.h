#ifndef SG_GIT_NOTES_H
#define SG_GIT_NOTES_H

#include <stddef.h>

struct sg_buf;
struct sg_repo;

/*
 * The notes under one notes ref (design_review.notes_ref, such as
 * refs/notes/design-review): the note attached to a commit, read the way
 * `git notes --ref=... show <commit>` reads it. The ref is read once when
 * opened, so every lookup in a run sees the same notes.
 */
struct sg_notes;

/*
 * Open the notes of `ref` (a full ref name). A ref that does not exist is
 * an empty set of notes, not an error. Returns 0, or -1 with a repository
 * error (the ref does not point at a notes commit, a corrupt object).
 */
int sg_notes_open(struct sg_notes **out, struct sg_repo *repo, const char *ref);
/*
 * The same, from the notes commit `commit_oid` instead of the ref's
 * current value (NULL: the ref): a push that brings review notes along
 * with the branch they review is judged with those notes.
 */
int sg_notes_open_at(struct sg_notes **out, struct sg_repo *repo, const char *ref,
		     const char *commit_oid);
void sg_notes_free(struct sg_notes *notes);

/* The notes ref, for messages and hints. */
const char *sg_notes_ref(const struct sg_notes *notes);

/* How many notes the ref holds. */
size_t sg_notes_count(const struct sg_notes *notes);

/*
 * Append the note attached to commit `oid` (full hex) to `out`. Returns 0,
 * 1 when the commit has no note, -1 on error: a note larger than
 * `max_size` is an input error naming the commit, so a hostile note
 * cannot exhaust memory; an unreadable note is a repository error.
 */
int sg_notes_read(struct sg_buf *out, const struct sg_notes *notes,
		  const char *oid, size_t max_size);

#endif
