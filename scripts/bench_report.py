"""Turns the raw output of scripts/bench into the measured section of
docs/performance.md: medians of every run, each beside its baseline from
the same run, and the ratio."""

import json
import os
import re
import statistics
import sys

out, machine, doc = sys.argv[1], sys.argv[2], sys.argv[3]


def parse_bench(path):
    res = {}
    line_re = re.compile(r"^(Benchmark\S+?)(?:-\d+)?\s+\d+\s+(.*)$")
    for line in open(path):
        m = line_re.match(line.strip())
        if not m:
            continue
        name, rest = m.group(1), m.group(2)
        vals = dict((unit, float(v)) for v, unit in re.findall(r"([\d.]+) (\S+)", rest))
        res.setdefault(name, []).append(vals)
    return res


def med(samples, unit):
    xs = [s[unit] for s in samples if unit in s]
    return statistics.median(xs) if xs else float("nan")


def cpu(samples):
    """CPU time per op (bench/cputime_test.go) where reported, else wall ns/op."""
    x = med(samples, "cpu-ns/op")
    return x if x == x else med(samples, "ns/op")


def mbs(samples):
    """Throughput from CPU time: the bytes per op are Go's MB/s times its ns/op."""
    size = med(samples, "MB/s") * med(samples, "ns/op") / 1e3
    return size / cpu(samples) * 1e3


def fmt_ns(x):
    return f"{x:,.0f}" if x >= 100 else f"{x:.1f}"


json_b = parse_bench(os.path.join(out, "json.txt"))
main_b = parse_bench(os.path.join(out, "main.txt"))
lines = []
w = lines.append
w(f"Measured by `scripts/bench` on {machine}. The machine is shared with other")
w("engineers' builds and tests, so every number was taken under load: medians of")
w("repeated runs, each beside its baseline from the same run.")
w("")
w("### Generated code: JSON (213-byte `ConnectSessionCreate`, 353-byte `ConnectSessionTokenAuthLink`)")
w("")
w("CPU ns/op (the process's user+system time per operation, so time spent waiting for a core on")
w("the shared machine does not count; `bench/cputime_test.go`) and allocs/op, median; ratio = oasgen ÷ ogen. Targets: decode ≤ 0.5× ogen's time with ≤ 2")
w("allocations, encode ≤ 0.5× ogen's time.")
w("")
w("| Type | Op | plain oapi-codegen (encoding/json) | ogen v1.24.0 | oasgen | oasgen ÷ ogen | allocs: oasgen vs ogen | target |")
w("|---|---|---:|---:|---:|---:|---|---|")
for op in ("Decode", "Encode"):
    for typ in ("ConnectSessionCreate", "ConnectSessionTokenAuthLink"):
        k = lambda impl: f"Benchmark{op}/type={typ}/impl={impl}"
        a, o, s = json_b.get(k("oapi-codegen")), json_b.get(k("ogen")), json_b.get(k("oasgen"))
        if not (a and o and s):
            continue
        r = cpu(s) / cpu(o)
        ok = r <= 0.5 and (op == "Encode" or med(s, "allocs/op") <= 2)
        w(f"| {typ} | {op.lower()} | {fmt_ns(cpu(a))} ns, {med(a,'allocs/op'):.0f} allocs "
          f"| {fmt_ns(cpu(o))} ns, {med(o,'allocs/op'):.0f} allocs "
          f"| {fmt_ns(cpu(s))} ns, {med(s,'allocs/op'):.0f} allocs | {r:.2f} "
          f"| {med(s,'allocs/op'):.0f} vs {med(o,'allocs/op'):.0f} | {'met' if ok else 'MISSED'} |")
w("")
w("The general-purpose libraries on a hand-written struct (pointer optionals, metadata as")
w("`json.RawMessage`; `bench/anchors_test.go`): `github.com/bytedance/sonic` (`ConfigDefault`, its")
w("JIT) and `github.com/goccy/go-json`. Target: oasgen faster than both.")
w("")
w("| Type | Op | sonic | go-json | oasgen | ÷ sonic | ÷ go-json | target |")
w("|---|---|---:|---:|---:|---:|---:|---|")
for op in ("Decode", "Encode"):
    for typ in ("ConnectSessionCreate", "ConnectSessionTokenAuthLink"):
        so = json_b.get(f"Benchmark{op}Anchors/type={typ}/impl=sonic")
        gj = json_b.get(f"Benchmark{op}Anchors/type={typ}/impl=go-json")
        s = json_b.get(f"Benchmark{op}/type={typ}/impl=oasgen")
        if not (so and gj and s):
            continue
        r1, r2 = cpu(s) / cpu(so), cpu(s) / cpu(gj)
        w(f"| {typ} | {op.lower()} | {fmt_ns(cpu(so))} ns, {med(so,'allocs/op'):.0f} allocs "
          f"| {fmt_ns(cpu(gj))} ns, {med(gj,'allocs/op'):.0f} allocs "
          f"| {fmt_ns(cpu(s))} ns, {med(s,'allocs/op'):.0f} allocs | {r1:.2f} | {r2:.2f} "
          f"| {'met' if r1 < 1 and r2 < 1 else 'MISSED'} |")
w("")
w("Large payload: a list of 1,000 `ConnectSession`s (about 300 KB), MB/s of CPU time (higher is better), median.")
w("oasgen decodes it as a generated slice field does; `oasgen-append` encodes into a reused buffer.")
w("")
w("| Op | plain oapi-codegen | ogen | sonic | go-json | oasgen | oasgen-append | allocs: oasgen |")
w("|---|---:|---:|---:|---:|---:|---:|---:|")
for op in ("decode", "encode"):
    k = lambda impl: json_b.get(f"BenchmarkList/op={op}/type=ConnectSessionList1000/impl={impl}")
    if not k("oasgen"):
        continue
    cells = []
    for impl in ("oapi-codegen", "ogen", "sonic", "go-json", "oasgen", "oasgen-append"):
        x = k(impl)
        cells.append(f"{mbs(x):,.0f}" if x else "—")
    w(f"| {op} | " + " | ".join(cells) + f" | {med(k('oasgen'), 'allocs/op'):,.0f} |")
w("")
w("Append-style encoder, `AppendJSON(buf[:0])` into a reused buffer (target: 0 allocs):")
w("")
w("| Type | CPU ns/op | B/op | allocs/op | ÷ ogen MarshalJSON |")
w("|---|---:|---:|---:|---:|")
for typ in ("ConnectSessionCreate", "ConnectSessionTokenAuthLink"):
    s = json_b.get(f"BenchmarkEncode/type={typ}/impl=oasgen-append")
    o = json_b.get(f"BenchmarkEncode/type={typ}/impl=ogen")
    if s and o:
        w(f"| {typ} | {fmt_ns(cpu(s))} | {med(s,'B/op'):.0f} | {med(s,'allocs/op'):.0f} | {cpu(s)/cpu(o):.2f} |")
w("")
w("### Validate (valid input; target: 0 allocs)")
w("")
w("| Type | ns/op | B/op | allocs/op |")
w("|---|---:|---:|---:|")
for typ in ("ConnectSessionCreate", "ConnectSessionTokenAuthLink"):
    s = main_b.get(f"BenchmarkValidate/type={typ}")
    if s:
        w(f"| {typ} | {fmt_ns(med(s,'ns/op'))} | {med(s,'B/op'):.0f} | {med(s,'allocs/op'):.0f} |")
w("")
w("### Client call overhead (POST a `ConnectSessionCreate`, decode the 201; target: within 10 % of hand-written net/http)")
w("")
for server, what in (("inproc", "in-process RoundTripper (the clients' own overhead)"),
                     ("httptest", "httptest server (loopback round trip; scheduling noise dominates under load)")):
    h = main_b.get(f"BenchmarkClient/server={server}/impl=net-http")
    if not h:
        continue
    w(f"{what}:")
    w("")
    w("| client | ns/op | allocs/op | ÷ hand-written | target |")
    w("|---|---:|---:|---:|---|")
    w(f"| hand-written net/http + encoding/json | {fmt_ns(med(h,'ns/op'))} | {med(h,'allocs/op'):.0f} | 1.00 | |")
    for impl, label in (("production", "generated APIClient (validates, retries, typed errors)"),
                        ("oapi-codegen", "oapi-codegen ClientWithResponses (client.gen.go)")):
        g = main_b.get(f"BenchmarkClient/server={server}/impl={impl}")
        if g:
            r = med(g, "ns/op") / med(h, "ns/op")
            # The target is the generated APIClient's; oapi-codegen's is a peer.
            verdict = ("met" if r <= 1.10 else "MISSED") if impl == "production" else "(peer)"
            w(f"| {label} | {fmt_ns(med(g,'ns/op'))} | {med(g,'allocs/op'):.0f} | {r:.2f} | {verdict} |")
    w("")

# generator
specs = dict(l.split(None, 1) for l in open(os.path.join(out, "specs.txt")).read().splitlines())
runs = {}
for l in open(os.path.join(out, "gen.txt")):
    f = l.split()
    if len(f) < 8:
        continue
    spec, label, _, wall, user, sys_, rss, status = f[:8]
    runs.setdefault((spec, label), []).append((float(wall), float(user) + float(sys_), int(rss), int(status)))
types, gobytes = {}, {}
for l in open(os.path.join(out, "types.txt")):
    spec, _, _, n, size = l.split()
    types[spec], gobytes[spec] = int(n), int(size)


def schema_count(path):
    try:
        import yaml
        with open(path) as fh:
            doc = json.load(fh) if path.endswith(".json") else yaml.safe_load(fh)
        return len(((doc or {}).get("components") or {}).get("schemas") or doc.get("definitions") or {})
    except Exception:
        return "?"


order = []
for l in open(os.path.join(out, "gen.txt")):
    s = l.split()[0]
    if s not in order:
        order.append(s)
w("### Generator: `gen generate` vs the plain `oapi-codegen` CLI v2.8.2 (types + client)")
w("")
w("Wall time (median), CPU time (user+sys, median), peak RSS (max). Ours writes more: models with")
w("JSON/validation/constructors, the client, and a Markdown page per schema. Targets: Stripe at most")
w("0.5× oapi-codegen's wall time and 1.0× its peak RSS; no-op regeneration under 5 % of a full one;")
w("cost about linear in size.")
w("")
w("| Spec | schemas | our types | ours: wall / CPU / RSS | no-op wall (÷ full) | oapi-codegen: wall / CPU / RSS | ours ÷ oapi (wall / CPU / RSS) | CPU ms per type |")
w("|---|---:|---:|---|---|---|---:|---:|")
failed = []
oapi_failed = []
points = []  # (spec, types, CPU seconds) of every spec we generated
for spec in order:
    full, noop, oapi = runs.get((spec, "full"), []), runs.get((spec, "noop"), []), runs.get((spec, "oapi"), [])
    if any(r[3] != 0 for r in full):
        failed.append(spec)
        ow = statistics.median(r[0] for r in oapi) if oapi else float("nan")
        w(f"| {spec} | {schema_count(specs.get(spec,''))} | — | fails (see below) | — | {ow:.2f} s | — | — |")
        continue
    fw = statistics.median(r[0] for r in full)
    fc = statistics.median(r[1] for r in full)
    fr = max(r[2] for r in full)
    nw = statistics.median(r[0] for r in noop)
    nt = types.get(spec, 0)
    per = f"{1000*fc/nt:.1f}" if nt else "—"
    if nt:
        points.append((spec, nt, fc))
    ours = f"| {spec} | {schema_count(specs.get(spec,''))} | {nt} | {fw:.2f} s / {fc:.2f} s / {fr/1024:.0f} MB | {nw:.2f} s ({100*nw/fw:.0f} %) "
    if any(r[3] != 0 for r in oapi):
        # A failed run's time is how long it took to give up: no baseline.
        oapi_failed.append(spec)
        w(ours + f"| fails (see below) | — | {per} |")
        continue
    ow = statistics.median(r[0] for r in oapi)
    oc = statistics.median(r[1] for r in oapi)
    orss = max(r[2] for r in oapi)
    w(ours + f"| {ow:.2f} s / {oc:.2f} s / {orss/1024:.0f} MB | {fw/ow:.2f} / {fc/oc:.2f} / {fr/orss:.2f} | {per} |")
w("")
errs = open(os.path.join(out, "gen-errors.txt")).read().strip()
if failed:
    w("Specs `gen generate` could not generate in this run:")
    w("")
    w("```")
    w("\n".join(dict.fromkeys(errs.splitlines())))
    w("```")
    w("")
oerrs = open(os.path.join(out, "oapi-errors.txt")).read().strip()
if oapi_failed:
    w("Specs the `oapi-codegen` CLI could not generate (so there is no baseline for them):")
    w("")
    w("```")
    w("\n".join(l for l in dict.fromkeys(oerrs.splitlines()) if "exited with non-zero status" not in l))
    w("```")
    w("")

# Cost against size: least-squares lines through CPU time against the
# schemas in the spec, the model types generated and the Go source
# written say how well each predicts the cost; the curve is drawn as SVG.
def fit(xs, ys):
    mx, my = statistics.mean(xs), statistics.mean(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx
    icpt = my - slope * mx
    ss_res = sum((y - (icpt + slope * x)) ** 2 for x, y in zip(xs, ys))
    ss_tot = sum((y - my) ** 2 for y in ys)
    return icpt, slope, (1 - ss_res / ss_tot if ss_tot else 1.0)


if len(points) >= 3:
    pts = sorted(points, key=lambda p: gobytes.get(p[0], 0))
    ys = [p[2] for p in pts]
    sch = [schema_count(specs.get(p[0], "")) for p in pts]
    mb = [gobytes.get(p[0], 0) / 1e6 for p in pts]
    w("Cost against size (full generation, CPU time): least-squares lines through the six")
    w("specs, against three measures of size.")
    w("")
    w("| predictor | fixed | per unit | R² |")
    w("|---|---:|---:|---:|")
    if all(isinstance(x, int) for x in sch):
        a, b, r2 = fit(sch, ys)
        w(f"| component schemas in the spec | {1000*a:.0f} ms | {1000*b:.2f} ms per schema | {r2:.3f} |")
    a, b, r2 = fit([p[1] for p in pts], ys)
    w(f"| model types generated | {1000*a:.0f} ms | {1000*b:.2f} ms per type | {r2:.3f} |")
    a, b, r2 = fit(mb, ys)
    w(f"| Go source written | {1000*a:.0f} ms | {1000*b:.0f} ms per MB | {r2:.3f} |")
    w("")
    w("| Spec | schemas | types | Go source | CPU | line (source) | residual |")
    w("|---|---:|---:|---:|---:|---:|---:|")
    for (spec, nt, y), s_, m in zip(pts, sch, mb):
        f_ = a + b * m
        w(f"| {spec} | {s_} | {nt} | {m:.1f} MB | {y:.2f} s | {f_:.2f} s | {100*(y-f_)/f_:+.0f} % |")
    w("")
    w("![CPU time against Go source written, log-log](generator-scaling.svg)")
    w("")
    # Log-log axes: the specs span three orders of magnitude. A straight
    # line of slope 1 there is linear cost; the fitted line bends at the
    # left, where the fixed part dominates.
    import math
    W, H, L, B = 560, 340, 64, 44
    lx0, lx1 = math.floor(math.log10(max(min(mb), 1e-3))), math.ceil(math.log10(max(mb)))
    ly0, ly1 = math.floor(math.log10(min(ys))), math.ceil(math.log10(max(ys)))
    px = lambda x: L + (W - L - 20) * (math.log10(x) - lx0) / (lx1 - lx0)
    py = lambda y: H - B - (H - B - 20) * (math.log10(y) - ly0) / (ly1 - ly0)
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="11">',
           f'<rect width="{W}" height="{H}" fill="white"/>',
           f'<line x1="{L}" y1="{H-B}" x2="{W-20}" y2="{H-B}" stroke="black"/>',
           f'<line x1="{L}" y1="{H-B}" x2="{L}" y2="20" stroke="black"/>',
           f'<text x="{(W+L)/2}" y="{H-8}" text-anchor="middle">Go source written (MB, log scale)</text>',
           f'<text x="14" y="{(H-B)/2}" text-anchor="middle" transform="rotate(-90 14 {(H-B)/2})">CPU seconds, full generation (log scale)</text>']
    for e in range(lx0, lx1 + 1):
        svg.append(f'<line x1="{px(10**e):.1f}" y1="{H-B}" x2="{px(10**e):.1f}" y2="20" stroke="#eee"/>')
        svg.append(f'<text x="{px(10**e):.1f}" y="{H-B+14}" text-anchor="middle">{10**e:g}</text>')
    for e in range(ly0, ly1 + 1):
        svg.append(f'<line x1="{L}" y1="{py(10**e):.1f}" x2="{W-20}" y2="{py(10**e):.1f}" stroke="#eee"/>')
        svg.append(f'<text x="{L-6}" y="{py(10**e)+4:.1f}" text-anchor="end">{10**e:g}</text>')
    line = []
    for i in range(61):
        x = 10 ** (lx0 + (lx1 - lx0) * i / 60)
        y = a + b * x
        if 10 ** ly0 <= y <= 10 ** ly1:
            line.append(f"{px(x):.1f},{py(y):.1f}")
    svg.append(f'<polyline points="{" ".join(line)}" fill="none" stroke="#888" stroke-dasharray="4 3"/>')
    svg.append(f'<text x="{W-24}" y="34" text-anchor="end" fill="#555">{1000*a:.0f} ms + {1000*b:.0f} ms per MB</text>')
    for i, ((spec, _, y), m) in enumerate(zip(pts, mb)):
        m = max(m, 10 ** lx0)
        svg.append(f'<circle cx="{px(m):.1f}" cy="{py(y):.1f}" r="4" fill="#1f6feb"/>')
        svg.append(f'<text x="{px(m)+7:.1f}" y="{py(y)+(12 if i % 2 else -6):.1f}">{spec}</text>')
    svg.append("</svg>")
    open(os.path.join(os.path.dirname(doc), "generator-scaling.svg"), "w").write("\n".join(svg) + "\n")

# Build cost of the generated code
bpath = os.path.join(out, "build.txt")
if os.path.exists(bpath) and os.path.getsize(bpath):
    bruns, blines = {}, {}
    for l in open(bpath):
        f = l.split()
        if len(f) >= 8:
            bruns.setdefault((f[0], f[1]), []).append((float(f[3]), float(f[4]) + float(f[5]), int(f[6]), int(f[7])))
    border = []
    for l in open(os.path.join(out, "build-lines.txt")):
        f = l.split()
        if f[0] not in border:
            border.append(f[0])
        blines[(f[0], f[1])] = None if f[2] == "fails" else (int(f[2]), int(f[3]))
    w("### Build cost of the generated code: `go build` of the generated packages alone")
    w("")
    w("Dependencies cached, every generated package given a new comment before each build so the")
    w("build cache cannot answer; wall time, CPU (user+sys) and peak RSS (the compiler's), medians of")
    w("the interleaved runs. Ours is the model package and `raw/` (the default), and the model")
    w("package alone (what `raw-client: false` generates); plain oapi-codegen is")
    w("`-generate types,client`; ogen is its default output (client and server). Target: ours ≤ 1.5×")
    w("plain oapi-codegen's time and memory.")
    w("")
    w("| Spec | generator | lines | build wall | build CPU | peak RSS | ÷ oapi-codegen (wall / CPU / RSS) | target |")
    w("|---|---|---:|---:|---:|---:|---|---|")
    for spec in border:
        base = bruns.get((spec, "oapi"))
        for impl, label in (("ours", "oasgen"), ("ours-models", "oasgen, raw-client: false"), ("oapi", "plain oapi-codegen"), ("ogen", "ogen")):
            ln = blines.get((spec, impl))
            rs = [r for r in bruns.get((spec, impl), []) if r[3] == 0]
            if ln is None or not rs:
                w(f"| {spec} | {label} | — | fails | — | — | — | |")
                continue
            bw = statistics.median(r[0] for r in rs)
            bc = statistics.median(r[1] for r in rs)
            br = statistics.median(r[2] for r in rs)
            ratio, verdict = "—", ""
            if base and impl != "oapi":
                ow = statistics.median(r[0] for r in base)
                oc = statistics.median(r[1] for r in base)
                orr = statistics.median(r[2] for r in base)
                ratio = f"{bw/ow:.2f} / {bc/oc:.2f} / {br/orr:.2f}"
                if impl in ("ours", "ours-models"):
                    verdict = "met" if max(bw / ow, br / orr) <= 1.5 else "MISSED"
            w(f"| {spec} | {label} | {ln[0]:,} | {bw:.2f} s | {bc:.2f} s | {br/1024:.0f} MB | {ratio} | {verdict} |")
    w("")

w("<details><summary>benchstat output (JSON, Validate, client)</summary>")
w("")
w("```")
w(open(os.path.join(out, "json.stat")).read().rstrip())
w("")
w(open(os.path.join(out, "main.stat")).read().rstrip())
w("```")
w("")
w("</details>")

begin, end = "<!-- bench:begin -->", "<!-- bench:end -->"
text = open(doc).read() if os.path.exists(doc) else f"# Performance\n\n{begin}\n{end}\n"
if begin not in text:
    text += f"\n{begin}\n{end}\n"
pre, rest = text.split(begin, 1)
_, post = rest.split(end, 1)
open(doc, "w").write(pre + begin + "\n" + "\n".join(lines) + "\n" + end + post)
