#!/usr/bin/env python3
"""Grows a demo partnership into a large one, for tests/scripts/load-benchmark.sh.

    seed_large_partnership.py sqlite <database file> <reviews>
    seed_large_partnership.py postgresql <libpq connection string> <reviews>   (needs psql on PATH)

Starts from a database the app seeded with --seed-demo (a dozen reviews, one of each methodology and
stage) and copies the demo reviews, with everything that hangs off them, under new ids until the
partnership holds <reviews> reviews, each with ten actions and twenty chronology entries (so 10,000
reviews bring 100,000 actions and 200,000 chronology entries). Rows are copied, not made up: what the
app reads is what the app wrote, in its own formats. Works on the tables as the database describes
them (foreign keys), so new child tables are copied without changes here; a table whose unique index
is not on its id or a copied foreign key needs a line in UNIQUE_TEXT.

Copies are spread over ten reference years so references stay unique, and the review's creation time
is kept, so lists sort as they would in a partnership with a long history.
"""
import random
import sqlite3
import subprocess
import sys
import uuid

ACTIONS_PER_REVIEW = 10
CHRONOLOGY_PER_REVIEW = 20
# Columns that must stay unique and are not ids: given a fresh value in each copy.
UNIQUE_TEXT = {("Meetings", "CalendarUid"), ("MeetingSlots", "CalendarUid")}
# Tables that belong to the partnership, not to a review: referenced, never copied.
SHARED = {"Localities", "Agencies", "Themes", "AspNetUsers", "MeetingSeries", "Cases"}


class Sqlite:
    def __init__(self, path):
        self.db = sqlite3.connect(path)
        self.db.execute("PRAGMA foreign_keys=OFF")

    def tables(self):
        return [r[0] for r in self.db.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]

    def columns(self, table):
        return [r[1] for r in self.db.execute(f'PRAGMA table_info("{table}")')]

    def foreign_keys(self, table):
        return [(r[3], r[2]) for r in self.db.execute(f'PRAGMA foreign_key_list("{table}")')]

    def rows(self, table, where_column, ids):
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        cols = self.columns(table)
        sql = f'SELECT {",".join(chr(34) + c + chr(34) for c in cols)} FROM "{table}" WHERE "{where_column}" IN ({marks})'
        return [dict(zip(cols, r)) for r in self.db.execute(sql, list(ids))]

    def insert(self, table, rows):
        if not rows:
            return
        cols = list(rows[0].keys())
        sql = f'INSERT INTO "{table}" ({",".join(chr(34) + c + chr(34) for c in cols)}) VALUES ({",".join("?" * len(cols))})'
        self.db.executemany(sql, [[r[c] for c in cols] for r in rows])

    def scalar(self, sql):
        return self.db.execute(sql).fetchone()[0]

    def finish(self):
        self.db.commit()
        self.db.close()


class Postgres:
    """Reads with psql's CSV output and writes with COPY, so no driver is needed."""

    def __init__(self, conninfo):
        self.conninfo = conninfo
        self.pending = {}

    def _psql(self, sql, stdin=None):
        return subprocess.run(["psql", self.conninfo, "-v", "ON_ERROR_STOP=1", "-qAt", "--csv", "-c", sql],
                              input=stdin, capture_output=True, text=True, check=True).stdout

    def _csv(self, sql):
        import csv
        import io
        return list(csv.reader(io.StringIO(self._psql(sql))))

    def tables(self):
        return [r[0] for r in self._csv("SELECT tablename FROM pg_tables WHERE schemaname='public'")]

    def columns(self, table):
        return [r[0] for r in self._csv(
            f"SELECT column_name FROM information_schema.columns WHERE table_name='{table}' ORDER BY ordinal_position")]

    def foreign_keys(self, table):
        return [(r[0], r[1]) for r in self._csv(f"""
            SELECT a.attname, cf.relname FROM pg_constraint c
            JOIN pg_class ct ON ct.oid = c.conrelid JOIN pg_class cf ON cf.oid = c.confrelid
            JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
            WHERE c.contype = 'f' AND ct.relname = '{table}'""")]

    def rows(self, table, where_column, ids):
        if not ids:
            return []
        cols = self.columns(table)
        quoted = ",".join(f"'{i}'" for i in ids)
        # NULL is written as \N so it differs from an empty string.
        select = ",".join(f'COALESCE("{c}"::text, E\'\\\\N\')' for c in cols)
        return [dict(zip(cols, r)) for r in self._csv(f'SELECT {select} FROM "{table}" WHERE "{where_column}"::text IN ({quoted})')]

    def insert(self, table, rows):
        if rows:
            self.pending.setdefault(table, []).extend(rows)

    def scalar(self, sql):
        return self._csv(sql)[0][0]

    def finish(self):
        import csv
        import io
        for table, rows in self.pending.items():
            cols = list(rows[0].keys())
            buffer = io.StringIO()
            writer = csv.writer(buffer)
            for r in rows:
                writer.writerow([r[c] for c in cols])
            # NULL travels as an unquoted \N (what rows() reads it as), so an empty string stays an empty string.
            data = buffer.getvalue()
            collist = ",".join(f'"{c}"' for c in cols)
            subprocess.run(["psql", self.conninfo, "-v", "ON_ERROR_STOP=1", "-q", "-c",
                            f'COPY "{table}" ({collist}) FROM STDIN WITH (FORMAT csv, NULL \'\\N\')'],
                           input=data, capture_output=True, text=True, check=True)
        # Statistics, as autovacuum would gather within a minute or so of a load this size: without them the first
        # plans are made blind, and the benchmark would measure a database no partnership runs for long.
        self._psql("ANALYZE")


def fresh_id():
    return str(uuid.uuid4()).upper()


def main():
    engine, target, wanted = sys.argv[1], sys.argv[2], int(sys.argv[3])
    db = Sqlite(target) if engine == "sqlite" else Postgres(target)
    random.seed(12)
    tables = [t for t in db.tables() if not t.startswith("__") and t not in SHARED and not t.startswith("AspNet")
              and t not in ("AuditEvents", "DataProtectionKeys", "EmailOutbox")]
    fks = {t: db.foreign_keys(t) for t in tables}
    # The tables reached from Reviews through foreign keys, parents before children.
    owned, order = {"Reviews"}, ["Reviews"]
    changed = True
    while changed:
        changed = False
        for t in tables:
            if t in owned:
                continue
            links = [(c, p) for c, p in fks[t] if p in owned]
            if links and all(p in owned or p in SHARED or p == t for _, p in fks[t] if p != t and p in tables):
                owned.add(t)
                order.append(t)
                changed = True

    templates = [r["Id"] for r in db.rows("Reviews", "MethodologyKey", [m[0] for m in [
        ("locality-learning-circle",), ("desktop-review",), ("thematic-review",), ("practitioner-learning-review",),
        ("single-issue-review",), ("rapid-review",), ("learning-conversation",), ("practice-learning-day",),
        ("lscb-learning-review",)]])]
    existing = int(db.scalar('SELECT COUNT(*) FROM "Reviews"'))
    sample_action = db.rows("Actions", "ReviewId", templates)[0]
    agency = db.scalar('SELECT "Id" FROM "Agencies" ORDER BY "Name" LIMIT 1')
    # Each template's rows, read once: {table: [row]}, found by following the foreign keys down.
    graphs = {}
    for review_id in templates:
        graph = {"Reviews": db.rows("Reviews", "Id", [review_id])}
        for t in order[1:]:
            found, seen = [], set()
            for column, parent in fks[t]:
                if parent in graph and parent != t:
                    for row in db.rows(t, column, [r["Id"] for r in graph[parent]] if graph[parent] else []):
                        key = row.get("Id") or tuple(row.values())
                        if key not in seen:
                            seen.add(key)
                            found.append(row)
            graph[t] = found
        graphs[review_id] = graph

    number = 0
    batch = {t: [] for t in order}
    for n in range(existing, wanted):
        template = graphs[templates[n % len(templates)]]
        ids = {}

        def new(old):
            if old not in ids:
                ids[old] = fresh_id()
            return ids[old]

        for t in order:
            for row in template[t]:
                if "Id" in row:
                    new(row["Id"])
        year = 2016 + (n // 1000) % 11
        number += 1
        for t in order:
            for row in template[t]:
                copy = dict(row)
                if "Id" in copy:
                    copy["Id"] = ids[row["Id"]]
                for column, parent in fks[t]:
                    if parent in owned and copy.get(column) in ids:
                        copy[column] = ids[copy[column]]
                for table, column in UNIQUE_TEXT:
                    if table == t and column in copy:
                        copy[column] = str(uuid.uuid4())
                if t == "Reviews":
                    copy["ReferenceYear"] = year
                    copy["ReferenceNumber"] = 100 + n
                    copy["Reference"] = f"LR-{year}-{100 + n:05d}"
                batch[t].append(copy)
        review_id = ids[template["Reviews"][0]["Id"]]
        have = len(template.get("Actions", []))
        for k in range(max(0, ACTIONS_PER_REVIEW - have)):
            action = dict(sample_action)
            action.update(Id=fresh_id(), ReviewId=review_id, LearningPointId=None if engine == "sqlite" else "\\N",
                          What=f"Action {k + 1} of the review", DueDate=f"{year + 1}-0{1 + k % 9}-1{k % 9}",
                          Status=random.choice(["NotStarted", "InProgress", "CompletedAwaitingEvidence", "CompletedAndEmbedded"]), ConcurrencyToken=fresh_id())
            batch["Actions"].append(action)
        for k in range(CHRONOLOGY_PER_REVIEW):
            batch["ChronologyEntries"].append({
                "Id": fresh_id(), "ReviewId": review_id, "AgencyId": agency, "Date": f"{year - 1}-0{1 + k % 9}-1{k % 9}",
                "Time": None if engine == "sqlite" else "\\N", "WhatHappened": f"Home visit {k + 1}: the family was seen together.",
                "Source": "Case record", "Significance": None if engine == "sqlite" else "\\N", "KeyPracticeEpisode": 0 if engine == "sqlite" else "false",
                "EnteredBy": "Agency representative", "Resolution": "None", "MergedIntoId": None if engine == "sqlite" else "\\N",
                "CreatedAt": sample_action["CreatedAt"], "CreatedBy": sample_action["CreatedBy"],
                "ModifiedAt": sample_action["ModifiedAt"], "ModifiedBy": sample_action["ModifiedBy"], "ConcurrencyToken": fresh_id()})
        if engine == "sqlite" and len(batch["Reviews"]) >= 500:
            for t in order:
                db.insert(t, batch[t])
                batch[t] = []
    for t in order:
        db.insert(t, batch[t])
    db.finish()
    print(f"seeded {wanted - existing} reviews ({len(templates)} templates; tables copied: {', '.join(order)})")


if __name__ == "__main__":
    main()
