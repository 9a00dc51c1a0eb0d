#ifndef SG_REPORT_FINGERPRINT_H
#define SG_REPORT_FINGERPRINT_H

struct sg_report;

/*
 * A stable identity for every finding of a report, for dashboards that
 * track findings across runs (GitLab Code Quality, SARIF
 * partialFingerprints): the SHA-256 of the rule, commit, paths, line and
 * message. Findings equal in all of these are told apart by their
 * position among the equal ones, so the fingerprints of one report are
 * unique and the same inputs give the same fingerprints.
 *
 * Returns an array of report->findings.nr hex digests (65 bytes each);
 * the caller frees it.
 */
char (*sg_report_fingerprints(const struct sg_report *report))[65];

#endif
