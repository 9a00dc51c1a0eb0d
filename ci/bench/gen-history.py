#!/usr/bin/env python3
"""Write a git fast-import stream: a device repository with N commits.

Usage: gen-history.py COMMITS [FILES] | git fast-import --quiet
Every commit changes 1-3 source files and cites a requirement; every 50th
touches a vendored dependency and the SBOM; every 10th updates the risk
file. Deterministic (fixed seed and dates) so runs are comparable.
"""
import random
import sys

commits = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
files = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
rng = random.Random(81001)
out = sys.stdout.buffer


def blob(data):
    data = data.encode()
    out.write(b"data %d\n" % len(data))
    out.write(data)
    out.write(b"\n")


policy = """version: 1
product: Benchmark pump
requirements:
  registry: [docs/security/requirements.yml]
sbom:
  files: [sbom/bom.cdx.json]
  triggers: ["third_party/**"]
risk:
  files: [risk/security-risks.yml]
  triggers: ["src/**"]
"""
registry = "requirements:\n" + "".join(
    "  - {id: SR-%03d, title: Requirement %d, status: active}\n" % (i, i)
    for i in range(1, 201))

ts = 1767225600
for n in range(commits):
    ts += 60
    out.write(b"commit refs/heads/main\n")
    out.write(b"mark :%d\n" % (n + 1))
    out.write(b"committer Dana Developer <dana@example.org> %d +0000\n" % ts)
    sr = rng.randint(1, 200)
    msg = "Change %d of the pump controller\n\nSecurity-Requirement: SR-%03d\n" % (n, sr)
    if n % 10:
        msg += "Risk-Assessment: unchanged - routine change\n"
    blob(msg)
    if n:
        out.write(b"from :%d\n" % n)
    if n == 0:
        out.write(b"M 100644 inline .sdlgate.yml\n")
        blob(policy)
        out.write(b"M 100644 inline docs/security/requirements.yml\n")
        blob(registry)
        for f in range(files):
            out.write(b"M 100644 inline src/mod%04d.c\n" % f)
            blob("int mod%d(void) { return %d; }\n" % (f, f))
    for _ in range(rng.randint(1, 3)):
        f = rng.randrange(files)
        out.write(b"M 100644 inline src/mod%04d.c\n" % f)
        blob("int mod%d(void) { return %d; } /* rev %d */\n" % (f, f, n))
    if n % 50 == 0:
        out.write(b"M 100644 inline third_party/zlib/version.h\n")
        blob("#define ZLIB_REV %d\n" % n)
        out.write(b"M 100644 inline sbom/bom.cdx.json\n")
        blob('{"bomFormat": "CycloneDX", "specVersion": "1.5", "version": %d}\n' % (n + 1))
    if n % 10 == 0:
        out.write(b"M 100644 inline risk/security-risks.yml\n")
        blob("risks: []\n# reviewed at change %d\n" % n)
    out.write(b"\n")
