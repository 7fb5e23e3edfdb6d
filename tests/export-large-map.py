#!/usr/bin/env python3
# Writes a map of N touchpoints (default 1000) with N arrows to stdout, for the export benchmark:
# 25 phases of 480 units, 5 lanes of 470 units, 8 cards a cell, which at scale 1 gives about
# 35 megapixels, the size Dia 0.97 was measured at (1,000 boxes and arrows, ≈ 2.5 s).
#   export-large-map.py [N] > large.kringel
import json
import sys

count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
phases, lanes, per_cell = 25, 5, 8
cells = max(1, -(-count // per_cell))
phases = min(phases, cells)
lanes = -(-cells // phases)

touchpoints = []
for i in range(count):
    cell, slot = divmod(i, per_cell)
    phase, lane = cell % phases, cell // phases
    touchpoints.append({
        "id": f"t{i}", "phase": f"p{phase}", "lane": f"l{lane}",
        "x": 24 + (slot % 2) * 224, "y": 24 + (slot // 2) * 112,
        "title": f"Touchpoint {i}: call, mail or meet",
        "channel": ["website", "e-mail", "phone", "store", "event"][i % 5],
        "direct": i % 7 != 0, "emotion": 1 + i % 5, "points": i % 4, "done": i % 3 == 0,
        "notes": [{"text": "a note", "created": "2026-01-01T00:00:00Z"}] if i % 4 == 0 else [],
    })

connections = [{"id": f"c{i}", "from": f"t{i}", "to": f"t{i + 1}", "label": "", "style": "solid"}
               for i in range(count - 1)]
if count > 10:
    connections.append({"id": "back", "from": f"t{count - 1}", "to": "t0", "label": "loop back",
                        "style": "dashed"})

json.dump({
    "format": "kringel", "version": 1, "title": f"{count} touchpoints",
    "phases": [{"id": f"p{i}", "title": f"Phase {i + 1}", "width": 480} for i in range(phases)],
    "lanes": [{"id": f"l{i}", "title": f"Lane {i + 1}", "height": 470} for i in range(lanes)],
    "touchpoints": touchpoints,
    "connections": connections,
}, sys.stdout, indent=1)
print()
