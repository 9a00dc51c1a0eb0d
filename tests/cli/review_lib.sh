# Helpers for the design-review, waiver and policy-change CLI tests
# (t25xx, t26xx, t27xx). Sourced after lib.sh.

# review_repo DIR [EXTRA POLICY YAML]: a repository whose policy has a
# design_review section (records in reviews/, notes under
# refs/notes/design-review, criteria DR-1 and DR-2), and a first commit.
review_repo() {
	git init -q "$1"
	cd "$1"
	mkdir -p src docs reviews
	cat > .sdlgate.yml <<YML
version: 1
product: Review test device
design_review:
  triggers: ["src/**", "docs/architecture/**"]
  records: reviews/
  notes_ref: refs/notes/design-review
  trailer: Design-Review
  min_reviewers: 1
  independent_reviewers: true
  criteria:
    - {id: DR-1, text: Trust boundaries and defense in depth considered}
    - {id: DR-2, text: Every new external interface validates its input}
${2:-}
YML
	printf 'int main(void) { return 0; }\n' > src/main.c
	printf '# readme\n' > README.md
	printf 'Design review records.\n' > reviews/README.md
	git add -A
	git commit -q -m "Initial import"
}

# good_record ID COMMIT [REVIEWER]: a record that covers src/** at COMMIT
good_record() {
	cat <<YML
id: $1
date: 2026-11-20
reviewers: [${3:-rita@example.org}]
decision: approved
reviewed_commit: $2
paths: ["src/**"]
criteria:
  DR-1: {result: pass, note: gateway terminates TLS}
  DR-2: {result: n/a, note: no new interface}
YML
}

# commit_record ID: commit reviews/ID.yml (already written) citing it
commit_record() {
	git add -A
	git commit -q -m "Record design review $1

Design-Review: $1"
}

# json_values NAME: the values of every "NAME": "..." in the last stdout
json_values() {
	grep -o "\"$1\":[[:space:]]*\"[^\"]*\"" "$SG_TMP/out" |
		sed 's/.*:[[:space:]]*"\(.*\)"/\1/'
}
