#!/usr/bin/python3
"""Writes bench/RESULTS.md (on stdout) from the files bench/run.sh left in
its results directory: one JSON report per scenario, the database's counters
around it, the server's RPC log counts, memory samples and the machine."""

import datetime
import json
import os
import re
import sys

OUT = sys.argv[1]

# Scenario run name -> (label, the RPC the client calls or None for raw DB).
TOP_METHOD = {
    "health": "grpc.health.v1.Health/Check",
    "get-patient": "corebalance.v1.IntakeService/GetPatient",
    "get-patient-attack": "corebalance.v1.IntakeService/GetPatient",
    "list-patients": "corebalance.v1.IntakeService/ListPatients",
    "list-sessions": "corebalance.v1.ProgressService/ListSessions",
    "submit-assessment": "corebalance.v1.IntakeService/SubmitAssessment",
    "log-session": "corebalance.v1.ProgressService/LogSession",
    "progress-summary": "corebalance.v1.ProgressService/GetProgressSummary",
    "assign-plan-monolith": "corebalance.v1.PrescriptionService/AssignPlan",
}
SUMMARY = "corebalance.v1.ProgressService/GetProgressSummary"
TOP_METHOD.update({
    "summary-window365": SUMMARY,
    "summary-curve30": SUMMARY,
    "summary-curve100": SUMMARY,
    "summary-curve1000": SUMMARY,
    "scale-get-patient": TOP_METHOD["get-patient"],
    "scale-log-session": TOP_METHOD["log-session"],
    "scale-progress-summary": SUMMARY,
})
RAW_OF = {"log-session": "raw-log-session",
          "get-patient": "raw-get-patient",
          "progress-summary": "raw-progress-summary"}


def path(name):
    return os.path.join(OUT, name)


def load(name):
    try:
        with open(path(name + ".json")) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def text(name, default=""):
    try:
        with open(path(name)) as f:
            return f.read()
    except OSError:
        return default


def machine():
    info = {}
    for line in text("machine").splitlines():
        key, _, value = line.partition(" ")
        info[key] = value
    return info


def db_delta(name):
    def read(suffix):
        values = {}
        for line in text(name + suffix).splitlines():
            parts = line.split()
            if len(parts) == 2 and parts[1].isdigit():
                values[parts[0]] = int(parts[1])
        return values
    before, after = read(".db-before"), read(".db-after")
    return {k: after[k] - before.get(k, 0) for k in after}


def rpc_codes(name):
    """(method, code) -> calls, from a .rpcs file."""
    counts = {}
    for line in text(name).splitlines():
        parts = line.split()
        if len(parts) == 3:
            counts[(parts[1], parts[2])] = int(parts[0])
    return counts


def rpc_counts(name):
    counts = {}
    for (method, _), n in rpc_codes(name).items():
        counts[method] = counts.get(method, 0) + n
    return counts


def cpu(name):
    """Seconds of wall time and CPU seconds by whom, over a scenario."""
    def read(suffix):
        parts = text(name + suffix).split()
        return [float(v) for v in parts] if len(parts) == 6 else None
    a, b = read(".cpu-before"), read(".cpu-after")
    if not a or not b:
        return None
    hz = b[5]
    wall = b[0] - a[0]
    busy, server, db, tool = ((b[i] - a[i]) / hz for i in range(1, 5))
    return {"start": a[0], "end": b[0], "wall": wall, "server": server,
            "mariadb": db, "tool": tool,
            "other": max(0.0, busy - server - db - tool)}


def background_scans():
    """(start, end, line) of each alert scan the servers logged."""
    scans = []
    for line in text("background").splitlines():
        ts = re.search(r"ts=(\S+)Z", line)
        ms = re.search(r"\bms=(\d+)", line)
        if not ts or not ms:
            continue

        end = datetime.datetime.strptime(
            ts.group(1)[:26], "%Y-%m-%dT%H:%M:%S.%f").replace(
            tzinfo=datetime.timezone.utc).timestamp()
        scans.append((end - int(ms.group(1)) / 1000, end, line))
    return scans


def h2load_rps(name):
    found = re.search(r"finished in [\d.]+s, ([\d.]+) req/s",
                      text(name + ".txt"))
    return float(found.group(1)) if found else None


def sentence(note):
    """A note as a sentence: "not included: x" -> "Not included: x."."""
    first = note.split(" ", 1)[0]
    if first.isalpha() and first.islower():
        note = note[0].upper() + note[1:]
    return note.rstrip(".") + "."


def fmt(value, digits=1):
    return "—" if value is None else f"{value:,.{digits}f}"


def ratio(a, b):
    return None if not a or not b else a / b


def short(method):
    return method.split(".")[-1]


def met(ok):
    if ok is None:
        return "not measured"
    return "**met**" if ok else "**NOT met**"

# mixed RPS of the run before issue #14 (commit db9ab0a, step 6 in TUNING.md).
MIXED_BEFORE_ISSUE14 = 615.0


def scan_figures():
    """The adherence scan tool's "key value" lines, as floats."""
    values = {}
    for line in text("adherence-scan.txt").splitlines():
        key, _, value = line.partition(" ")
        try:
            values[key] = float(value)
        except ValueError:
            pass
    return values


def goals_table(add, issue):
    """The heading and head of a goals table."""
    add(f"## Goals ({issue})")
    add("")
    add("| Goal | Measured | |")
    add("|---|---|---|")


def issue14_goals(add, reports, curve):
    goals_table(add, "issue #14: progress's copy")
    heavy, raw = reports.get("progress-summary"), reports.get(
        "raw-progress-summary")
    if heavy and raw:
        r = ratio(heavy["total"]["rps"], raw["total"]["rps"])
        p99 = heavy["total"]["p99_ms"]
        add(f"| progress-summary (365 sessions, 16 in flight): p99 <= 10 ms "
            f"| {fmt(p99, 2)} ms | {met(p99 <= 10)} |")
        add(f"| progress-summary >= 0.7 x the raw database doing its "
            f"statements | {fmt(r, 2)} x ({fmt(heavy['total']['rps'])} vs "
            f"{fmt(raw['total']['rps'])} RPS) | "
            f"{met(r is not None and r >= 0.7)} |")
    wide = reports.get("summary-window365")
    if heavy and wide:
        r = ratio(wide["total"]["p99_ms"], heavy["total"]["p99_ms"])
        add(f"| the 365-day window: p99 <= 2 x the 14-day window | "
            f"{fmt(wide['total']['p99_ms'], 2)} vs "
            f"{fmt(heavy['total']['p99_ms'], 2)} ms: x{fmt(r, 2)} | "
            f"{met(r is not None and r <= 2)} |")
    mixed = reports.get("mixed")
    if mixed:
        r = ratio(mixed["total"]["rps"], MIXED_BEFORE_ISSUE14)
        add(f"| mixed >= 1.5 x the RPS before this issue | "
            f"{fmt(mixed['total']['rps'])} vs {fmt(MIXED_BEFORE_ISSUE14)} "
            f"RPS: x{fmt(r, 2)} | {met(r is not None and r >= 1.5)} |")
    scan = scan_figures()
    if "scan_cpu_seconds" in scan:
        seconds = scan["scan_cpu_seconds"]
        add(f"| a full adherence pass over {scan.get('scan_plans', 0):,.0f} "
            f"plans in <= 10 s of server time across all replicas (taken "
            f"as: the replicas' CPU) | {fmt(seconds, 2)} s of CPU across "
            f"{scan.get('scan_replicas', 0):.0f} replicas; "
            f"{fmt(scan.get('scan_wall_seconds'), 2)} s wall, "
            f"{fmt(scan.get('scan_replica_seconds'), 2)} s of the replicas' "
            f"wall time summed (the rest is the database's); "
            f"{scan.get('scan_raised', 0):,.0f} alerts raised; the next pass "
            f"visited {scan.get('scan_next_plans', 0):,.0f} plans in "
            f"{fmt(scan.get('scan_next_seconds'), 3)} s | "
            f"{met(seconds <= 10)} |")
    else:
        add("| a full adherence pass over 100,000 plans <= 10 s | not run | "
            "not measured |")
    add("")

def attack_goal(add, reports):
    calm, attacked = reports.get("get-patient"), reports.get(
        "get-patient-attack")
    goals_table(add, "issue #13: authentication under attack")
    if calm and attacked:
        r = ratio(attacked["total"]["p99_ms"], calm["total"]["p99_ms"])
        spray = next((n for n in attacked.get("notes", [])
                      if "made-up tokens" in n), "")
        add(f"| get-patient p99 with 5,000 made-up-token calls/s alongside "
            f"<= 1.5 x without | {fmt(attacked['total']['p99_ms'], 2)} vs "
            f"{fmt(calm['total']['p99_ms'], 2)} ms: x{fmt(r, 2)} "
            f"({fmt(attacked['total']['rps'])} vs {fmt(calm['total']['rps'])} "
            f"RPS, {attacked['total']['errors']} errors; {sentence(spray)}) | "
            f"{met(r is not None and r <= 1.5)} |")
    else:
        add("| get-patient p99 under a token spray <= 1.5 x | not run | "
            "not measured |")
    add("")


def main():
    m = machine()
    reports = {}
    for file in sorted(os.listdir(OUT)):
        if file.endswith(".json"):
            name = file[:-5]
            reports[name] = load(name)
    health = reports.get("health")
    # The floor is the server's, not one load-generator thread's: h2load
    # spends less CPU per call, so take the better of the two.
    floor = health["total"]["rps"] if health else None
    floor_by = "corebalance-bench"
    h2_floor = h2load_rps("h2load-health")
    if h2_floor and (not floor or h2_floor > floor):
        floor, floor_by = h2_floor, "h2load"

    lines = []
    add = lines.append
    add("# corebalance benchmark results")
    add("")
    add(f"Written by `bench/run.sh` on {m.get('date', '?')}"
        f"{' (--quick: a smoke run, not figures to quote)' if m.get('quick') == '1' else ''}.")
    add("")
    add(f"- Machine: {m.get('cores', '?')} cores ({m.get('cpu', '?')}), "
        f"{m.get('memory_mb', '?')} MB RAM. The server, MariaDB and the load "
        "generators share it: **quote the ratios, not the absolute figures**.")
    add(f"- Database: MariaDB {m.get('mariadb', '?')}, "
        "innodb_flush_log_at_trx_commit=1, doublewrite on, buffer pool "
        f"{m.get('buffer_pool', '?')}, redo log 1G.")
    add("- Server: `corebalance-server --target=all` (monolith) with "
        f"{m.get('server_args', '(defaults)')}: pool-size 16 database "
        "connections, 16 workers per service, log level info (one line per "
        "RPC, to a file).")
    add(f"- Code: commit {m.get('commit', '?')}"
        f"{' plus ' + m.get('dirty') + ' uncommitted files' if m.get('dirty', '0') != '0' else ''}.")
    add(f"- Each scenario: {m.get('warmup', '?')} s warm-up, "
        f"{m.get('duration', '?')} s measured, closed loop, 4 connections, "
        "1 load-generator thread; corebalance-bench-rawdb uses one "
        "connection per call in flight. Before each scenario that writes "
        "sessions the clinic is put back as seeded (the sessions, alerts "
        "and follow-up assessments earlier scenarios added are deleted); "
        "the soak keeps what it writes.")
    add("")

    add("## The seeded clinic")
    add("")
    groups = re.findall(r"seed: group (\S+): (\d+) patients, (\d+) sessions",
                        text("seed.txt"))
    add("| Group | Patients | Sessions | What for |")
    add("|---|---:|---:|---|")
    purpose = {"main": "the clinic: every patient scenario and `mixed`",
               "heavy": "progress-summary (365 sessions, one a day)",
               "assign": "assessed, no plan: submit-assessment, assign-plan"}
    for group, patients, sessions in groups:
        what = purpose.get(group,
                           "summary time against the length of the history"
                           if group.startswith("curve") else "")
        add(f"| {group} | {int(patients):,} | {int(sessions):,} | {what} |")
    rate = re.search(r"seed: (\d+) sessions in ([\d.]+) s \((\d+)/s\)",
                     text("seed.txt"))
    api = re.search(r"seed: (\d+) patients in (\S+)", text("seed.txt"))
    add("")
    add(f"Seeding took {text('seed.seconds').strip() or '?'} s: "
        f"{api.group(1) + ' patients (with assessment and plan) through the API in ' + api.group(2) if api else 'patients through the API'}"
        f"{', ' + format(int(rate.group(1)), ',') + ' sessions by bulk SQL in ' + rate.group(2) + ' s (' + format(int(rate.group(3)), ',') + '/s)' if rate else ''}.")
    add("")

    add("## Results")
    add("")
    add("RPS counts calls that ended OK. Ratios: the service's RPS over the "
        "raw database's RPS for the same statements at the same concurrency, "
        "and over the gRPC floor: Health/Check at 32 in flight, "
        f"{fmt(floor)} RPS as measured by {floor_by} (the better of "
        "corebalance-bench and h2load, see the goals).")
    add("")
    add("| Scenario | In flight | RPS | p50 ms | p99 ms | Errors | "
        "Service / raw DB | Service / health floor |")
    add("|---|---:|---:|---:|---:|---:|---:|---:|")
    order = ["health", "get-patient", "raw-get-patient",
             "get-patient-attack", "list-patients",
             "list-sessions", "submit-assessment", "log-session",
             "raw-log-session", "progress-summary", "raw-progress-summary"]
    order += sorted((n for n in reports if n.startswith("summary-curve")),
                    key=lambda n: int(n[len("summary-curve"):]))
    order += ["summary-window365", "assign-plan-monolith",
              "assign-plan-microservices", "mixed", "soak"]
    labels = {
        "raw-log-session": "raw DB: log-session's SQL with its outbox rows",
        "raw-get-patient": "raw DB: get-patient's SELECT + disclosure row",
        "get-patient-attack": "get-patient, 5,000 made-up-token calls/s "
                              "alongside",
        "raw-progress-summary": "raw DB: progress-summary's SQL + "
                                "disclosure row",
        "progress-summary": "progress-summary (365 sessions)",
        "summary-window365": "progress-summary, window 365 days",
        "assign-plan-monolith": "assign-plan (monolith)",
        "assign-plan-microservices": "assign-plan (4 processes)",
        "soak": "mixed, soak",
    }
    def display(name):
        if name.startswith("summary-curve"):
            return f"progress-summary, {name[len('summary-curve'):]} sessions"
        return labels.get(name, name)

    for name in order:
        r = reports.get(name)
        if not r:
            continue
        t = r["total"]
        label = display(name)
        raw = reports.get(RAW_OF.get(name, ""), None)
        is_raw = r["tool"].endswith("rawdb")
        to_raw = ratio(t["rps"], raw["total"]["rps"]) if raw else None
        to_floor = None if is_raw or name == "health" else ratio(t["rps"], floor)
        errors = t["errors"] + r.get("warmup_errors", 0)
        add(f"| {label} | {r['in_flight']} | {fmt(t['rps'])} | "
            f"{fmt(t['p50_ms'], 2)} | {fmt(t['p99_ms'], 2)} | "
            f"{errors if errors == 0 else '**' + str(errors) + '**'} | "
            f"{fmt(to_raw, 2)} | {fmt(to_floor, 3)} |")
    add("")
    failing = [n for n, r in reports.items()
               if r and (r["total"]["errors"] or r.get("warmup_errors"))]
    if failing:
        add("**WARNING: calls failed in " + ", ".join(failing) +
            "; their figures do not measure the intended work.** First "
            "errors:")
        add("")
        for n in failing:
            for code, message in reports[n].get("first_errors", {}).items():
                add(f"- {n}: {code}: {message}")
        add("")

    mixed = reports.get("mixed")
    if mixed and mixed.get("per_op"):
        add("### mixed, per operation")
        add("")
        add("| Operation | RPS | p50 ms | p99 ms | Errors |")
        add("|---|---:|---:|---:|---:|")
        for op, s in mixed["per_op"].items():
            add(f"| {op} | {fmt(s['rps'])} | {fmt(s['p50_ms'], 2)} | "
                f"{fmt(s['p99_ms'], 2)} | {s['errors']} |")
        add("")

    curve = [(int(n[len("summary-curve"):]), reports[n])
             for n in reports if n.startswith("summary-curve")]
    heavy = reports.get("progress-summary")
    if heavy:
        curve.append((365, heavy))
    curve.sort()
    if curve:
        add("### progress-summary against the length of the history")
        add("")
        add("One patient each, one session a day; the default 14-day window. "
            "16 in flight.")
        add("")
        add("| Sessions | p50 ms | p99 ms | RPS |")
        add("|---:|---:|---:|---:|")
        for n, r in curve:
            t = r["total"]
            add(f"| {n:,} | {fmt(t['p50_ms'], 2)} | {fmt(t['p99_ms'], 2)} | "
                f"{fmt(t['rps'])} |")
        add("")

    # --- goals ---------------------------------------------------------------
    goals_table(add, "issue #12: the outbox")
    for name in ("log-session", "get-patient"):
        svc, raw = reports.get(name), reports.get(RAW_OF[name])
        if svc and raw:
            r = ratio(svc["total"]["rps"], raw["total"]["rps"])
            add(f"| {name} at 32 in flight >= 0.8 x the raw database doing "
                f"the same durable work | {fmt(r, 2)} x "
                f"({fmt(svc['total']['rps'])} vs {fmt(raw['total']['rps'])} "
                f"RPS) | {met(r is not None and r >= 0.8)} |")
    lags = []
    for line in text("mixed.relay-lag").splitlines():
        try:
            lags.append(float(line.strip()))
        except ValueError:
            pass
    if lags:
        lags.sort()
        p99 = lags[min(len(lags) - 1, int(0.99 * len(lags)))]
        add(f"| relay lag p99 <= 2 s under mixed load | {fmt(p99 / 1000, 3)} s "
            f"(max {fmt(lags[-1] / 1000, 3)} s, {len(lags)} samples every "
            f"0.2 s) | {met(p99 <= 2000)} |")
    add("")
    issue14_goals(add, reports, curve)
    attack_goal(add, reports)
    goals_table(add, "issue #8")
    log, raw_log = reports.get("log-session"), reports.get("raw-log-session")
    if log and raw_log:
        r = ratio(log["total"]["rps"], raw_log["total"]["rps"])
        add(f"| log-session at 32 in flight >= 0.7 x raw-DB throughput of "
            f"the same statements | {fmt(r, 2)} x "
            f"({fmt(log['total']['rps'])} vs {fmt(raw_log['total']['rps'])} "
            f"RPS) | {met(r is not None and r >= 0.7)} |")
        p99 = log["total"]["p99_ms"]
        add(f"| log-session p99 <= 20 ms | {fmt(p99, 2)} ms | {met(p99 <= 20)} |")
    gp = reports.get("get-patient")
    if gp and floor:
        r = ratio(gp["total"]["rps"], floor)
        add(f"| get-patient >= 0.5 x health floor | {fmt(r, 3)} x "
            f"({fmt(gp['total']['rps'])} vs {fmt(floor)} RPS by "
            f"{floor_by}) | "
            f"{met(r >= 0.5)} |")
    if heavy:
        p99 = heavy["total"]["p99_ms"]
        add(f"| progress-summary, 365 sessions, 16 in flight: p99 <= 10 ms | "
            f"{fmt(p99, 2)} ms | {met(p99 <= 10)} |")
    if len(curve) >= 2:
        (n0, r0), (n1, r1) = curve[0], curve[-1]
        growth = ratio(r1["total"]["p50_ms"], r0["total"]["p50_ms"])
        add(f"| progress-summary time grows far slower than the sessions "
            f"(taken as: p50 grows less than 2x while the sessions grow "
            f"{n1 // n0}x) | p50 x{fmt(growth, 2)} from {n0} to {n1:,} "
            f"sessions | {met(growth is not None and growth < 2)} |")
    scale_rows = [("get-patient", "get-patient"),
                  ("log-session", "log-session"),
                  ("progress-summary", "progress-summary")]
    if any(reports.get("scale-" + a) for a, _ in scale_rows):
        for a, b in scale_rows:
            small, big = reports.get(b), reports.get("scale-" + a)
            if small and big:
                r = ratio(big["total"]["p99_ms"], small["total"]["p99_ms"])
                add(f"| scale: {a} p99 within 1.5x of the 1,000-patient "
                    f"figure | {fmt(big['total']['p99_ms'], 2)} vs "
                    f"{fmt(small['total']['p99_ms'], 2)} ms: x{fmt(r, 2)} | "
                    f"{met(r <= 1.5)} |")
    else:
        add("| scale (100k patients, 10M sessions): p99 within 1.5x | not "
            "run (bench/run.sh --scale) | not measured |")
    peak = text("mixed.peak-rss").strip()
    rss = [line.split() for line in text("mixed.rss").splitlines()]
    rss = [int(v[1]) for v in rss if len(v) == 2]
    if peak:
        add(f"| server peak RSS <= 200 MB under mixed load | VmHWM "
            f"{int(peak) / 1024:.0f} MB (RSS during mixed "
            f"{min(rss) / 1024:.0f}..{max(rss) / 1024:.0f} MB) | "
            f"{met(int(peak) <= 200 * 1024)} |" if rss else
            f"| server peak RSS <= 200 MB | {int(peak) / 1024:.0f} MB | "
            f"{met(int(peak) <= 200 * 1024)} |")
    soak = [line.split() for line in text("soak.rss").splitlines()]
    soak = [(float(v[0]), int(v[1])) for v in soak if len(v) == 2]
    if len(soak) >= 4:
        settled = [s for s in soak if s[0] >= 30] or soak
        first, last = settled[0], settled[-1]
        growth_mb = (last[1] - first[1]) / 1024
        add(f"| no RSS growth across the soak ({soak[-1][0]:.0f} s) | "
            f"{first[1] / 1024:.0f} MB at {first[0]:.0f} s -> "
            f"{last[1] / 1024:.0f} MB at {last[0]:.0f} s "
            f"({growth_mb:+.1f} MB), max {max(v for _, v in soak) / 1024:.0f} "
            f"MB | {met(growth_mb <= 5)} (taken as: under 5 MB) |")
    else:
        add("| no RSS growth across a 5-minute soak | not run "
            "(bench/run.sh --soak 300) | not measured |")
    h2_health = h2load_rps("h2load-health")
    if h2_health and health:
        r = ratio(health["total"]["rps"], h2_health)
        add(f"| (the floor itself) Health/Check: corebalance-bench vs h2load "
            f"| {fmt(health['total']['rps'])} vs {fmt(h2_health)} RPS: "
            f"x{fmt(r, 2)} | information: on the floor one "
            "corebalance-bench thread is a limit (h2load spends less CPU "
            "per call), so the floor is the better of the two |")
    h2_gp = h2load_rps("h2load-get-patient")
    if h2_gp and gp:
        r = ratio(gp["total"]["rps"], h2_gp)
        c = cpu("get-patient")
        tool = c["tool"] / c["wall"] if c and c["wall"] > 0 else None
        add(f"| the load generator is not the bottleneck: get-patient by "
            f"corebalance-bench vs by h2load right after | "
            f"{fmt(gp['total']['rps'])} vs {fmt(h2_gp)} RPS: x{fmt(r, 2)}; "
            f"corebalance-bench's one thread used {fmt(tool, 2)} of a core | "
            f"{met(r >= 0.85 and (tool is None or tool < 0.5))} (taken as: "
            "within 15 % of h2load, its thread under half busy) |")
    add("")
    if h2_health or h2_gp:
        add("h2load ran the same load as corebalance-bench (4 connections x "
            "8 streams, one thread, same warm-up and duration). It counts "
            "any HTTP 200 as a success whatever the grpc-status, so the "
            "server's request log tells how its calls ended:")
        add("")
        for name, method in (("h2load-health", None),
                             ("h2load-get-patient",
                              TOP_METHOD["get-patient"])):
            line = re.search(r"requests: .*", text(name + ".txt"))
            if not line:
                continue
            verdict = ""
            if method:
                codes = {c: n for (m, c), n in rpc_codes(name + ".rpcs").items()
                         if m == method}
                verdict = (" Server log: " + ", ".join(
                    f"{n:,} {c}" for c, n in sorted(codes.items())) + ".")
            else:
                verdict = (" Health/Check is not logged; the server answers "
                           "SERVING, and corebalance-bench (which reads the "
                           f"grpc-status) saw "
                           f"{health['total']['errors'] if health else '?'} "
                           "errors on the same call.")
            add(f"- {name}: h2load {line.group(0)}.{verdict}")
        add("")

    # --- CPU -------------------------------------------------------------------
    scans = background_scans()
    add("## Where the CPU went")
    add("")
    add("Cores busy during each scenario (warm-up included), from /proc: "
        "the server process(es), MariaDB, the load tool, and everything "
        "else on the machine (other work shares it: a large 'other' means "
        "the figures are disturbed). CPU ms per call = CPU seconds over the "
        "calls made.")
    add("")
    add("| Scenario | Server cores | MariaDB cores | Load tool cores | Other "
        "| Server CPU ms/call | MariaDB CPU ms/call | Alert scan ran |")
    add("|---|---:|---:|---:|---:|---:|---:|---|")
    for name in order + ["h2load-health", "h2load-get-patient",
                         "scale-get-patient", "scale-log-session",
                         "scale-progress-summary"]:
        c = cpu(name)
        if not c or c["wall"] <= 0:
            continue
        r = reports.get(name)
        calls = (r["total"]["calls"] + r.get("warmup_calls", 0)) if r else 0
        if not r:
            done = re.search(r"requests: (\d+) total", text(name + ".txt"))
            calls = int(done.group(1)) if done else 0
        overlap = [sc for sc in scans if sc[0] < c["end"] and sc[1] > c["start"]]
        per = (lambda v: f"{1000 * v / calls:.2f}") if calls else (lambda v: "—")
        add(f"| {display(name)} | {c['server'] / c['wall']:.2f} | "
            f"{c['mariadb'] / c['wall']:.2f} | {c['tool'] / c['wall']:.2f} | "
            f"{c['other'] / c['wall']:.2f} | {per(c['server'])} | "
            f"{per(c['mariadb'])} | {'**yes**' if overlap else 'no'} |")
    add("")
    if scans:
        add("The servers' own background work during the run (the adherence "
            "alert scan, every --alert-scan-interval):")
        add("")
        for _, _, line in scans:
            add(f"- `{line.strip()}`")
        add("")
    shutdown = text("shutdown").strip()
    if shutdown:
        add("Slow shutdowns (SIGTERM to exit):")
        add("")
        for line in shutdown.splitlines():
            add(f"- {line}")
        add("")

    # --- evidence ------------------------------------------------------------
    add("## Server work per call")
    add("")
    add("MariaDB's counters per call the client made, warm-up included: "
        "statements, commits, fsyncs, rows read (with any other RPCs the "
        "server logged at info level; calls between the deployment's own "
        "services log at debug level).")
    add("")
    rows = []
    for name in ["get-patient", "list-patients", "list-sessions",
                 "submit-assessment", "log-session", "raw-log-session",
                 "raw-log-session-audit", "progress-summary",
                 "raw-progress-summary", "summary-curve30", "summary-curve1000",
                 "summary-window365", "assign-plan-monolith", "mixed"]:
        r = reports.get(name)
        if not r:
            continue
        calls = r["total"]["calls"] + r.get("warmup_calls", 0)
        if not calls:
            continue
        d = db_delta(name)
        rpcs = rpc_counts(name + ".rpcs")
        top = TOP_METHOD.get(name)
        parts = []
        for method, n in sorted(rpcs.items(), key=lambda kv: -kv[1]):
            if method == top or n / calls < 0.01 or (
                    name == "mixed" and method in TOP_METHOD.values()):
                continue
            parts.append(f"{short(method)} {n / calls:.2f}")
        commits = d.get("Com_commit", 0)
        rows.append((display(name), ", ".join(parts),
                     f"{d.get('Questions', 0) / calls:.1f} | "
                     f"{commits / calls:.2f} | "
                     f"{d.get('Innodb_data_fsyncs', 0) / calls:.2f} | "
                     f"{d.get('Rows_read', 0) / calls:.0f} |"))
    # Peer calls log at debug level: the column shows only when some did.
    with_rpcs = any(rpcs for _, rpcs, _ in rows)
    add(f"| Scenario |{' Other RPCs logged per call |' if with_rpcs else ''}"
        " SQL statements | Commits | fsyncs | Rows read |")
    add(f"|---|{'---|' if with_rpcs else ''}---:|---:|---:|---:|")
    for label, rpcs, counters in rows:
        add(f"| {label} |{' ' + (rpcs or 'none') + ' |' if with_rpcs else ''}"
            f" {counters}")
    add("")
    ms = {t: rpc_counts(f"ms-{t}.rpcs") for t in
          ("access", "intake", "prescription", "progress")}
    assign = reports.get("assign-plan-microservices")
    ms_peer = any(m != TOP_METHOD["assign-plan-monolith"]
                  for counts in ms.values() for m in counts)
    if assign and ms_peer:
        calls = assign["total"]["calls"] + assign.get("warmup_calls", 0)
        add("assign-plan in the microservices shape, RPCs per AssignPlan by "
            "process (seeding-free: the processes served only this run):")
        add("")
        for target, counts in ms.items():
            parts = [f"{short(k)} {v / calls:.2f}"
                     for k, v in sorted(counts.items(), key=lambda kv: -kv[1])
                     if v / calls >= 0.01]
            add(f"- {target}: {', '.join(parts) if parts else 'none'}")
        add("")

    if reports.get("scale-log-session") or text("scale-seed.txt"):
        add("## Scale run")
        add("")
        srate = re.search(r"seed: (\d+) sessions in ([\d.]+) s \((\d+)/s\)",
                          text("scale-seed.txt"))
        add(f"Sessions in the database: "
            f"{int(text('scale.sessions').strip() or 0):,}. Growing the "
            f"clinic took {text('scale-seed.seconds').strip() or '?'} s"
            f"{' (sessions: ' + format(int(srate.group(3)), ',') + '/s)' if srate else ''}.")
        add("")

    # The tuning log is written by hand, run after run (bench/TUNING.md).
    tuning = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                          "TUNING.md")
    if os.path.exists(tuning):
        with open(tuning) as f:
            add(f.read().rstrip())
        add("")

    add("## What each scenario does")
    add("")
    for name in order:
        r = reports.get(name)
        if r and r.get("notes"):
            add(f"- **{display(name)}**: " + " ".join(
                sentence(n) for n in r["notes"]))
    add("")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
