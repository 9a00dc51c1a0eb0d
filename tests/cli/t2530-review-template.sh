#!/bin/sh
# sdlgate review template: a record to fill in for a change set, which the
# gate accepts once the placeholders are filled.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/review_lib.sh"

review_repo "$SG_TMP/repo"
base=$(git rev-parse HEAD)
commit_change "Add session handling" src/net/session.c "int session;"
commit_change "Document the architecture" docs/architecture/overview.md "# Overview"
commit_change "Fix a typo" README.md "typo"
head=$(git rev-parse HEAD)

fill() {
	sed -e 's/<record id, e.g. DR-2026-001>/DR-2026-001/' \
	    -e 's/<reviewer e-mail>/rita@example.org/' \
	    -e 's/<approved|changes-requested|rejected>/approved/' \
	    -e 's|<pass\|fail\|n/a>|pass|' \
	    -e 's/<what was checked; n\/a needs the reason>/checked in the review meeting/'
}

test_begin "the template names the change set and fills in what it knows"
run_sg review template --range "$base..$head"
expect_status 0
expect_out "# Design review record for $(echo "$base" | cut -c1-12)..$(echo "$head" | cut -c1-12) ('$base..$head') (3 change(s))."
expect_out "date: 2026-11-27"
expect_out "reviewed_commit: $head"
expect_out "  - 'docs/architecture/overview.md'"
expect_out "  - 'src/net/session.c'"
expect_not_out "README.md"
expect_out "  DR-1:  # Trust boundaries and defense in depth considered"
expect_out "  DR-2:  # Every new external interface validates its input"
expect_out "git notes --ref=refs/notes/design-review add -F <file> $head"
cp "$SG_TMP/out" "$SG_TMP/template.yml"

test_begin "an unfilled template is refused by the gate"
git checkout -q -B unfilled "$head"
cp "$SG_TMP/template.yml" reviews/DR-2026-001.yml
commit_record DR-2026-001
run_sg check --range "$base..HEAD"
expect_status 2
expect_err "reviews/DR-2026-001.yml:5:5: '<record id, e.g. DR-2026-001>' is a placeholder of the review template"
expect_err "hint: replace every <...>"
git checkout -q main

test_begin "the filled template covers the change set"
git checkout -q -B filled "$head"
fill < "$SG_TMP/template.yml" > reviews/DR-2026-001.yml
commit_record DR-2026-001
run_sg check --range "$base..HEAD"
expect_status 0
git checkout -q main

test_begin "the filled template works as a note on the head as well"
fill < "$SG_TMP/template.yml" > "$SG_TMP/note.yml"
git notes --ref=refs/notes/design-review add -F "$SG_TMP/note.yml" "$head"
run_sg check --range "$base..$head"
expect_status 0
git update-ref -d refs/notes/design-review

test_begin "a policy change in the range is listed for the review"
git checkout -q -B policy "$head"
printf '# reviewed policy\n' >> .sdlgate.yml
git commit -q -am "Tighten the policy"
run_sg review template --range "$head..HEAD"
expect_status 0
expect_out "  - '.sdlgate.yml'"
git checkout -q main

test_begin "without --range: the last commit"
run_sg review template
expect_status 0
expect_out "('HEAD^..HEAD') (1 change(s))"
expect_out "# no design-review trigger path changed in this change set"
expect_out "  - <path pattern the review covers>"

test_begin "without --range on a branch with an upstream: upstream..HEAD"
git checkout -q -b topic "$base"
commit_change "Topic work" src/topic.c "int topic;"
git config branch.topic.remote .
git config branch.topic.merge refs/heads/main
run_sg review template
expect_status 0
expect_out "('@{upstream}..HEAD')"
expect_out "  - 'src/topic.c'"
git checkout -q main

test_begin "criteria ids and paths that YAML would misread are quoted"
git checkout -q -B quoting "$base"
sed -i 's/- {id: DR-2, text: Every new external interface validates its input}/- {id: "yes", text: "A: tricky # text"}/' .sdlgate.yml
git commit -q -am "Tricky criterion id"
commit_change "Quote me" "src/it's here.c" "int q;"
run_sg review template --range "HEAD^..HEAD"
expect_status 0
expect_out "  'yes':  # A: tricky # text"
expect_out "  - 'src/it''s here.c'"
fill < "$SG_TMP/out" > reviews/DR-2026-001.yml
commit_record DR-2026-001
run_sg check --range "HEAD~2..HEAD"
expect_status 0
git checkout -q -- .
git checkout -q main

test_begin "a policy without design_review has nothing to review against"
git checkout -q -B nodr "$base"
printf 'version: 1\n' > .sdlgate.yml
git commit -q -am "No reviews"
run_sg review template
expect_status 2
expect_err "the policy has no 'design_review' section"
expect_err "hint:"
git checkout -q main

test_begin "usage errors"
run_sg review
expect_status 2
expect_err "say what to do"
run_sg review frobnicate
expect_status 2
expect_err "unknown subcommand 'frobnicate'"
run_sg review template --range
expect_status 2
run_sg review template --range no-such-rev..HEAD
expect_status 3
expect_err "unknown revision 'no-such-rev'"

test_begin "--help lists the review command"
run_sg --help
expect_out "review"
expect_out "sdlgate review template [--range A..B]"

test_done
