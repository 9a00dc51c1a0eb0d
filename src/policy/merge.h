#ifndef SG_POLICY_MERGE_H
#define SG_POLICY_MERGE_H

struct sg_ynode;

/*
 * Deep copy of a YAML tree. The copy keeps each node's `file` pointer, so
 * the documents the nodes came from must outlive it.
 */
struct sg_ynode *sg_ynode_copy(const struct sg_ynode *node);

/*
 * Merge `over` onto `base` the way `extends` works: mappings merge key by
 * key (recursively), anything else in `over` replaces what `base` has;
 * lists are replaced, not appended. Returns a new tree (both inputs are
 * left alone); free it with sg_ynode_free().
 */
struct sg_ynode *sg_ynode_merge(const struct sg_ynode *base,
				const struct sg_ynode *over);

#endif
