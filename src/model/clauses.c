#include "model/clauses.h"

#include <string.h>

/* Titles as IEC 81001-5-1:2021 gives them (see shared/domain.md §1). */
static const struct sg_clause clauses[] = {
	{ "4", "General requirements" },
	{ "4.1", "Quality management" },
	{ "4.1.1", "Quality management system" },
	{ "4.1.2", "Identification of responsibilities" },
	{ "4.1.3", "Identification of applicability" },
	{ "4.1.4", "Security expertise" },
	{ "4.1.5", "Software items from third-party suppliers" },
	{ "4.1.6", "Continuous improvement" },
	{ "4.1.7", "Disclosing security-related issues" },
	{ "4.1.8", "Periodic review of security defect management" },
	{ "4.1.9", "Accompanying documentation review" },
	{ "4.2", "Security risk management" },
	{ "4.3", "Software item classification relating to risk transfer" },
	{ "5", "Software development process" },
	{ "5.1", "Software development planning" },
	{ "5.1.1", "Activities in the life cycle process" },
	{ "5.1.2", "Development environment security" },
	{ "5.1.3", "Secure coding standards" },
	{ "5.2", "Health software requirements analysis" },
	{ "5.2.1", "Health software security requirements" },
	{ "5.2.2", "Security requirements review" },
	{ "5.2.3", "Security risks for required software" },
	{ "5.3", "Software architectural design" },
	{ "5.3.1", "Defense-in-depth architecture/design" },
	{ "5.3.2", "Secure design best practices" },
	{ "5.3.3", "Security architectural design review" },
	{ "5.4", "Software design" },
	{ "5.4.1", "Software design best practices" },
	{ "5.4.2", "Secure design" },
	{ "5.4.3", "Secure health software interfaces" },
	{ "5.4.4", "Detailed design verification for security" },
	{ "5.5", "Software unit implementation and verification" },
	{ "5.5.1", "Secure coding standards" },
	{ "5.5.2", "Security implementation review" },
	{ "5.6", "Software integration testing" },
	{ "5.7", "Software system testing" },
	{ "5.7.1", "Security requirements testing" },
	{ "5.7.2", "Threat mitigation testing" },
	{ "5.7.3", "Vulnerability testing" },
	{ "5.7.4", "Penetration testing" },
	{ "5.7.5", "Managing conflicts of interest between testers and developers" },
	{ "5.8", "Software release" },
	{ "5.8.1", "Resolve findings prior to release" },
	{ "5.8.2", "Release documentation" },
	{ "5.8.3", "File integrity" },
	{ "5.8.4", "Controls for private keys" },
	{ "5.8.5", "Assessing and addressing security-related issues" },
	{ "5.8.6", "Activity completion" },
	{ "5.8.7", "Secure decommissioning guidelines for health software" },
	{ "6", "Software maintenance process" },
	{ "6.1", "Establish software maintenance plan" },
	{ "6.1.1", "Timely delivery of security updates" },
	{ "6.2", "Problem and modification analysis" },
	{ "6.2.1", "Monitoring public incident reports" },
	{ "6.2.2", "Security update verification" },
	{ "6.3", "Modification implementation" },
	{ "6.3.1", "Supported software security update documentation" },
	{ "6.3.2", "Maintained software security update delivery" },
	{ "6.3.3", "Maintained software security update integrity" },
	{ "7", "Security risk management process" },
	{ "7.1", "Risk management context" },
	{ "7.1.1", "General" },
	{ "7.1.2", "Product security context" },
	{ "7.2", "Identification of vulnerabilities, threats and associated adverse impacts" },
	{ "7.3", "Estimation and evaluation of security risk" },
	{ "7.4", "Controlling security risks" },
	{ "7.5", "Monitoring the effectiveness of risk controls" },
	{ "8", "Software configuration management process" },
	{ "9", "Software problem resolution process" },
	{ "9.1", "Overview" },
	{ "9.2", "Receiving notifications about vulnerabilities" },
	{ "9.3", "Reviewing vulnerabilities" },
	{ "9.4", "Analysing vulnerabilities" },
	{ "9.5", "Addressing security-related issues" },
	{ "F", "Transitional health software (Annex F)" },
	{ "F.1", "Overview" },
	{ "F.2", "Development assessment and gap closure activities" },
	{ "F.3", "Rationale for use of transitional health software" },
	{ "F.4", "Post-release activities" },
	{ NULL, NULL },
};

const struct sg_clause *sg_clauses(void)
{
	return clauses;
}

const char *sg_clause_title(const char *id)
{
	const struct sg_clause *c;

	for (c = clauses; c->id; c++)
		if (!strcmp(c->id, id))
			return c->title;
	return NULL;
}

int sg_clause_within(const char *child, size_t child_len, const char *parent)
{
	size_t plen = strlen(parent);

	if (plen > child_len || strncmp(child, parent, plen))
		return 0;
	return plen == child_len || child[plen] == '.';
}

int sg_clause_has_children(const char *id)
{
	const struct sg_clause *c;
	size_t len = strlen(id);

	for (c = clauses; c->id; c++)
		if (strlen(c->id) > len && sg_clause_within(c->id, strlen(c->id), id))
			return 1;
	return 0;
}
