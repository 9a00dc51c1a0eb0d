#!/bin/sh
# Print a large, valid, NTIA-complete SBOM for timing checks by hand:
#   sh tests/support/gen_large_sbom.sh [COUNT] [cyclonedx|spdx] > big.json
# Every component has a supplier, version, purl and a dependency edge, so a
# correct checker reports nothing; a slow one shows up as time, not output.
set -eu
count=${1:-10000}
format=${2:-cyclonedx}
awk -v n="$count" -v format="$format" 'BEGIN {
	if (format == "spdx") {
		print "{\"spdxVersion\":\"SPDX-2.3\",\"dataLicense\":\"CC0-1.0\",\"SPDXID\":\"SPDXRef-DOCUMENT\","
		print "\"name\":\"large\",\"documentNamespace\":\"https://example.org/spdx/large\","
		print "\"creationInfo\":{\"created\":\"2026-01-31T12:00:00Z\",\"creators\":[\"Tool: gen_large_sbom\"]},"
		print "\"packages\":["
		for (i = 0; i < n; i++)
			printf "%s{\"SPDXID\":\"SPDXRef-p%d\",\"name\":\"pkg%d\",\"versionInfo\":\"1.%d.0\",\"downloadLocation\":\"NOASSERTION\",\"supplier\":\"Organization: Acme\",\"externalRefs\":[{\"referenceCategory\":\"PACKAGE-MANAGER\",\"referenceType\":\"purl\",\"referenceLocator\":\"pkg:generic/pkg%d@1.%d.0\"}]}\n", (i ? "," : ""), i, i, i, i, i
		print "],\"relationships\":["
		print "{\"spdxElementId\":\"SPDXRef-DOCUMENT\",\"relationshipType\":\"DESCRIBES\",\"relatedSpdxElement\":\"SPDXRef-p0\"}"
		for (i = 1; i < n; i++)
			printf ",{\"spdxElementId\":\"SPDXRef-p%d\",\"relationshipType\":\"DEPENDS_ON\",\"relatedSpdxElement\":\"SPDXRef-p%d\"}\n", int((i - 1) / 2), i
		print "]}"
		exit
	}
	print "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"version\":1,"
	print "\"serialNumber\":\"urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79\","
	print "\"metadata\":{\"timestamp\":\"2026-01-31T12:00:00Z\",\"authors\":[{\"name\":\"gen_large_sbom\"}],"
	print "\"component\":{\"type\":\"application\",\"name\":\"app\",\"version\":\"1\",\"bom-ref\":\"app\"}},"
	print "\"components\":["
	for (i = 0; i < n; i++)
		printf "%s{\"type\":\"library\",\"bom-ref\":\"c%d\",\"name\":\"pkg%d\",\"version\":\"1.%d.0\",\"purl\":\"pkg:generic/pkg%d@1.%d.0\",\"supplier\":{\"name\":\"Acme\"},\"hashes\":[{\"alg\":\"SHA-256\",\"content\":\"%064d\"}],\"licenses\":[{\"license\":{\"id\":\"MIT\"}}]}\n", (i ? "," : ""), i, i, i, i, i, i
	print "],\"dependencies\":[{\"ref\":\"app\",\"dependsOn\":["
	for (i = 0; i < n; i++)
		printf "%s\"c%d\"", (i ? "," : ""), i
	print "]}"
	for (i = 1; i < n; i++)
		printf ",{\"ref\":\"c%d\",\"dependsOn\":[\"c%d\"]}\n", int((i - 1) / 2), i
	print "]}"
}'
