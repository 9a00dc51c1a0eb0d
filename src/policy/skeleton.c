#include "policy/skeleton.h"
#include "model/clauses.h"
#include "policy/policy.h"
#include "util/alloc.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/glob.h"
#include "util/str.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

char *sg_skeleton_policy(const char *pack, const char *product)
{
	struct sg_buf b = SG_BUF_INIT, quoted = SG_BUF_INIT;
	const char *p;

	/* a single-quoted YAML scalar: quotes doubled, no line breaks */
	for (p = product; *p; p++) {
		if (*p == '\'')
			sg_buf_adds(&quoted, "''");
		else
			sg_buf_addch(&quoted, iscntrl((unsigned char)*p) ? ' ' : *p);
	}

	sg_buf_addf(&b,
		"# sdlgate policy (schema version 1), written by 'sdlgate init --profile %s'.\n"
		"#\n"
		"# The pack '%s' is built into sdlgate and supplies every section this\n"
		"# file does not set: 'sdlgate policy show' prints the effective policy\n"
		"# and the clauses it applies. To change a setting, add just that key\n"
		"# here: maps merge key by key, lists are replaced, this file wins.\n"
		"version: 1\n"
		"extends: %s\n"
		"product: '%s'\n"
		"# Examples:\n"
		"# requirements:\n"
		"#   registry: [docs/security/requirements.yml]\n"
		"# release:\n"
		"#   tag_pattern: 'v*'\n"
		"# rules:\n"
		"#   risk-co-change: warning\n",
		pack, pack, pack, quoted.ptr);
	sg_buf_release(&quoted);
	return sg_buf_detach(&b);
}

static int safe_path(const char *path)
{
	const char *p = path;

	if (!*path || path[0] == '/')
		return 0;
	while ((p = strstr(p, ".."))) {
		if ((p == path || p[-1] == '/') && (p[2] == '/' || !p[2]))
			return 0;
		p += 2;
	}
	return 1;
}

static int has(const struct sg_skeleton *sk, const char *path)
{
	size_t i;

	for (i = 0; i < sk->nr; i++)
		if (!strcmp(sk->items[i].path, path))
			return 1;
	return 0;
}

static int add(struct sg_skeleton *sk, const char *path, const char *what,
	       char *content)
{
	struct sg_skeleton_file *f;

	if (!safe_path(path)) {
		free(content);
		sg_error_set("refusing to write '%s': the path leaves the repository", path);
		sg_error_hint("paths in the policy are relative to the repository root");
		return -1;
	}
	if (has(sk, path)) {
		free(content);
		return 0;
	}
	SG_ALLOC_GROW(sk->items, sk->nr + 1, sk->alloc);
	f = &sk->items[sk->nr++];
	f->path = sg_xstrdup(path);
	f->what = what;
	f->content = content;
	return 0;
}

static char *registry(const char *path, const struct sg_policy *p)
{
	struct sg_buf b = SG_BUF_INIT;

	if (sg_ends_with(path, ".md")) {
		sg_buf_adds(&b, "# Secure software requirements\n\n"
			    "A heading that starts with an ID defines a requirement; \"(draft)\" or\n"
			    "\"(obsolete)\" in the heading sets its status, else it is active.\n\n"
			    "## SR-001 Replace this example with your first secure requirement (" SG_SKELETON_MARK ")\n\n"
			    "What the software must do to be secure, and how a test shows it.\n");
		return sg_buf_detach(&b);
	}
	sg_buf_addf(&b, "# Secure software requirements (IEC 81001-5-1 5.2.1).\n"
		    "# Every change cites one in a '%s: SR-001' trailer; the release\n"
		    "# gate wants each active requirement cited by a test under the\n"
		    "# test evidence and listed as a control of a risk it mitigates.\n"
		    "requirements:\n"
		    "  - id: SR-001\n"
		    "    title: Replace this example with your first secure requirement (" SG_SKELETON_MARK ")\n"
		    "    status: active        # active | draft | obsolete\n",
		    p->requirements.reference_trailer);
	return sg_buf_detach(&b);
}

static char *risk_file(const struct sg_policy *p)
{
	struct sg_buf b = SG_BUF_INIT;

	sg_buf_addf(&b, "# Security risk assessment (IEC 81001-5-1 7.2-7.5).\n"
		    "# controls: the secure requirements that control the risk;\n"
		    "# safety_risks: hazard IDs of the ISO 14971 file ('%s').\n"
		    "# The release gate refuses a release while a risk is open.\n"
		    "risks:\n"
		    "  - id: RSK-001\n"
		    "    title: Replace this example with the first risk of your threat model (" SG_SKELETON_MARK ")\n"
		    "    controls: [SR-001]\n"
		    "    safety_risks: []\n"
		    "    status: open          # open | mitigated | accepted\n",
		    p->risk.safety_id_pattern);
	return sg_buf_detach(&b);
}

static char *reviews_readme(const struct sg_policy *p)
{
	const struct sg_policy_design_review *d = &p->design_review;
	struct sg_buf b = SG_BUF_INIT;
	size_t i;

	sg_buf_addf(&b, "# Design review records\n\n"
		    "One YAML file per review (IEC 81001-5-1 5.3.3, 5.4.4), named after its ID,\n"
		    "e.g. `DR-2026-001.yml`. A commit names the review in a `%s:` trailer.\n"
		    "Merge requests and the server read these files from the target branch only;\n"
		    "a review of a branch reaches them as a git note instead (`sdlgate review\n"
		    "template` prints the record; `git notes --ref=%s add -F <file> <commit>`,\n"
		    "then push that ref).\n\n"
		    "```yaml\n"
		    "id: DR-2026-001\n"
		    "date: 2026-01-31\n"
		    "reviewers: [reviewer@example.org]   # at least %u, not an author of the reviewed commits\n"
		    "decision: approved                  # approved | changes-requested | rejected\n"
		    "reviewed_commit: <oid>              # the state that was reviewed\n"
		    "paths: [\"src/**\"]                   # what it covers\n"
		    "criteria:\n",
		    d->trailer, d->notes_ref ? d->notes_ref : "<design_review.notes_ref>",
		    d->min_reviewers);
	for (i = 0; i < d->criteria_nr; i++)
		sg_buf_addf(&b, "  %s: {result: pass, note: \"...\"}   # %s\n", d->criteria[i].id,
			    d->criteria[i].text);
	if (!d->criteria_nr)
		sg_buf_adds(&b, "  DR-1: {result: pass, note: \"...\"}\n");
	sg_buf_adds(&b, "```\n");
	return sg_buf_detach(&b);
}

static char *sbom(const char *today)
{
	struct sg_buf b = SG_BUF_INIT;

	sg_buf_addf(&b, "{\n"
		    "  \"bomFormat\": \"CycloneDX\",\n"
		    "  \"specVersion\": \"1.5\",\n"
		    "  \"version\": 1,\n"
		    "  \"metadata\": {\n"
		    "    \"timestamp\": \"%sT00:00:00Z\",\n"
		    "    \"authors\": [{\"name\": \"Replace with the SBOM's author (" SG_SKELETON_MARK ")\"}]\n"
		    "  },\n"
		    "  \"components\": [],\n"
		    "  \"dependencies\": []\n"
		    "}\n", today);
	return sg_buf_detach(&b);
}

/* Section headings of the deliverables a pack names; others get a generic outline. */
static const struct outline {
	const char *id;
	const char *sections;
} outlines[] = {
	{ "threat-model", "## System and context\n\n## Assets\n\n## Trust boundaries and data flows\n\n## Threats (e.g. STRIDE per element)\n\n## Mitigations and the requirements that implement them\n" },
	{ "data-flow-diagram", "## Diagram\n\n## External entities, processes and data stores\n\n## Trust boundaries\n" },
	{ "risk-management-plan", "## Scope and context\n\n## Method and risk acceptance criteria\n\n## Roles\n\n## Link to the ISO 14971 safety risk file\n" },
	{ "security-test-report", "## Test plan\n\n## Security requirements testing (5.7.1)\n\n## Threat mitigation testing (5.7.2)\n\n## Vulnerability testing (5.7.3)\n\n## Tester independence (5.7.5)\n\n## Results and dispositions\n" },
	{ "release-checklist", "## Findings resolved (5.8.1)\n\n## File integrity: hashes and signatures (5.8.3)\n\n## Private keys (5.8.4)\n\n## Activities completed (5.8.6)\n" },
	{ "compliance-plan", "## Version in use and rationale for its continued use (F.3)\n\n## Gaps found (F.2)\n\n## Plan and dates to reach full compliance\n" },
	{ "soup-surveillance-plan", "## Third-party components monitored\n\n## Sources (advisories, CISA KEV)\n\n## Review frequency and owners\n\n## Patch timelines\n" },
	{ NULL, NULL },
};

static char *deliverable(const struct sg_deliverable *d)
{
	struct sg_buf b = SG_BUF_INIT;
	const struct outline *o;
	size_t i;

	sg_buf_addch(&b, '#');
	sg_buf_addch(&b, ' ');
	for (i = 0; d->id[i]; i++)
		sg_buf_addch(&b, i == 0 ? (char)toupper((unsigned char)d->id[i]) :
			     d->id[i] == '-' ? ' ' : d->id[i]);
	sg_buf_addf(&b, "\n\n<!-- Release deliverable '%s' of the sdlgate policy", d->id);
	for (i = 0; i < d->clauses.nr; i++) {
		const char *title = sg_clause_title(d->clauses.items[i]);

		sg_buf_addf(&b, "%s%s%s%s", i ? "; " : " (IEC 81001-5-1 ",
			    d->clauses.items[i], title ? " " : "", title ? title : "");
	}
	sg_buf_addf(&b, "%s. Replace this template with the real document: the release gate checks that it exists%s. -->\n"
		    "<!-- " SG_SKELETON_MARK ": delete this line when the document is real; the release gate refuses a release while it is here -->\n\n",
		    d->clauses.nr ? ")" : "",
		    d->must_update ? " and that it changed since the previous release" : "");
	for (o = outlines; o->id; o++)
		if (!strcmp(o->id, d->id))
			break;
	sg_buf_adds(&b, o->id ? o->sections : "## Scope\n\n## Content\n\n## Approval\n");
	return sg_buf_detach(&b);
}

/* A glob such as "pentest/NAME.pdf" with a wildcard: a README in its folder. */
static int glob_readme(struct sg_skeleton *sk, const struct sg_deliverable *d)
{
	const char *slash = strrchr(d->path, '/');
	struct sg_buf dir = SG_BUF_INIT, b = SG_BUF_INIT;
	int error;

	if (!slash) {
		sg_buf_release(&dir);
		return 0;
	}
	sg_buf_add(&dir, d->path, (size_t)(slash - d->path));
	if (sg_glob_has_wildcard(dir.ptr)) {
		sg_buf_release(&dir);
		return 0;
	}
	sg_buf_addf(&b, "# %s\n\nRelease deliverable '%s': put it here as `%s` (the release gate\n"
		    "refuses a release until a matching file is committed).\n",
		    d->id, d->id, slash + 1);
	sg_buf_adds(&dir, "/README.md");
	error = add(sk, dir.ptr, "deliverable folder", sg_buf_detach(&b));
	sg_buf_release(&dir);
	return error;
}

int sg_skeleton_files(struct sg_skeleton *out, const struct sg_policy *p,
		      const char *today)
{
	size_t i;
	int error = 0;

	if (p->requirements.present)
		for (i = 0; i < p->requirements.registry.nr && !error; i++)
			error = add(out, p->requirements.registry.items[i],
				    "requirements registry",
				    registry(p->requirements.registry.items[i], p));
	if (p->risk.present)
		for (i = 0; i < p->risk.files.nr && !error; i++)
			error = add(out, p->risk.files.items[i], "security risk file",
				    risk_file(p));
	if (!error && p->design_review.present && p->design_review.records) {
		struct sg_buf path = SG_BUF_INIT;

		sg_buf_addf(&path, "%s%sREADME.md", p->design_review.records,
			    sg_ends_with(p->design_review.records, "/") ? "" : "/");
		error = add(out, path.ptr, "review records folder", reviews_readme(p));
		sg_buf_release(&path);
	}
	if (p->sbom.present)
		for (i = 0; i < p->sbom.files.nr && !error; i++)
			if (!sg_glob_has_wildcard(p->sbom.files.items[i]))
				error = add(out, p->sbom.files.items[i], "SBOM", sbom(today));
	for (i = 0; p->release.present && i < p->release.deliverables_nr && !error; i++) {
		const struct sg_deliverable *d = &p->release.deliverables[i];

		if (sg_glob_has_wildcard(d->path))
			error = glob_readme(out, d);
		else
			error = add(out, d->path, "release deliverable", deliverable(d));
	}
	return error;
}

void sg_skeleton_release(struct sg_skeleton *sk)
{
	size_t i;

	for (i = 0; i < sk->nr; i++) {
		free(sk->items[i].path);
		free(sk->items[i].content);
	}
	free(sk->items);
	sk->items = NULL;
	sk->nr = sk->alloc = 0;
}
