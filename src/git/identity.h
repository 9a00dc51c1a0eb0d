#ifndef SG_GIT_IDENTITY_H
#define SG_GIT_IDENTITY_H

struct sg_repo;

/*
 * People, as the repository knows them: a name and an e-mail address
 * resolved through the repository's mailmap (the .mailmap of the working
 * tree, HEAD:.mailmap in a bare repository, mailmap.file and mailmap.blob,
 * exactly as libgit2 and git read them), then compared ignoring ASCII
 * case. This is how "the reviewer is not the author" survives aliases:
 * alice@home.example mapped to alice@example.org is the same person.
 */
struct sg_mailmap;

/*
 * Load the repository's mailmap. A repository without one gets an empty
 * mailmap (identities resolve to themselves). Returns 0 or -1 with a
 * repository error.
 */
int sg_mailmap_open(struct sg_mailmap **out, struct sg_repo *repo);

/*
 * The mailmap as committed at `commit` (its .mailmap file only), or, with
 * NULL, sg_mailmap_open(). A merge request is judged by the target's
 * mailmap, so a branch cannot drop the line that ties an alias to its
 * author and then review its own work under that alias.
 */
int sg_mailmap_open_at(struct sg_mailmap **out, struct sg_repo *repo,
		       const char *commit);
void sg_mailmap_free(struct sg_mailmap *mm);

/* A resolved identity; both fields lower-cased, "" when unknown. */
struct sg_identity {
	char *name;
	char *email;
};

#define SG_IDENTITY_INIT { NULL, NULL }

/*
 * Resolve `name` and `email` (either may be NULL or empty) through `mm`
 * (NULL: no mailmap). The address is looked up as written and, as git
 * compares addresses ignoring case, lower-cased when that finds nothing.
 * Replaces what `out` held.
 */
void sg_identity_resolve(struct sg_identity *out, const struct sg_mailmap *mm,
			 const char *name, const char *email);

/*
 * Resolve a person as a review record writes one: "Name <email>", a bare
 * address (anything with an '@'), or a bare name.
 */
void sg_identity_from_text(struct sg_identity *out,
			   const struct sg_mailmap *mm, const char *text);

/*
 * 1 when `a` and `b` are the same person: equal non-empty addresses or
 * equal non-empty names (both already lower-cased). Names count too, so
 * that an unmapped second address under the same name is not taken for
 * an independent reviewer; for independence, erring towards "same" is
 * the safe side.
 */
int sg_identity_same(const struct sg_identity *a, const struct sg_identity *b);

/* How to show it in a message: the address, else the name. */
const char *sg_identity_label(const struct sg_identity *id);

void sg_identity_release(struct sg_identity *id);

#endif
