#!/usr/bin/env python3
"""Writes the sample trial's other data (sample_data/trial/*.csv): adverse events, CAR-T
kinetics and labs for the 14 subjects of the CD70 demo trial. Invented but plausible: CAR-T
expansion peaking at days 7-14 and growing with dose level, CRS in most subjects within the
first days, cytokine peaks rising with the CRS grade. Deterministic (fixed seed); rerun after
changing a subject here. Usage: scripts/make_sample_trial_data.py [sample_data/trial]"""
import csv, datetime, json, math, os, random, sys

folder = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "sample_data", "trial")
rng = random.Random(21)
CRS = "Cytokine release syndrome"
ICANS = "Immune effector cell-associated neurotoxicity syndrome"
IMM, NERV, BLOOD, GEN = ("Immune system disorders", "Nervous system disorders",
                         "Blood and lymphatic system disorders",
                         "General disorders and administration site conditions")
INV, GI, VASC = "Investigations", "Gastrointestinal disorders", "Vascular disorders"

# subject: (CRS grade, CRS day, ICANS grade, ICANS day, other AEs, DLT terms, peak level, peak day)
# other AEs: (term, soc, grade, day, days lasting or None, serious, related)
SUBJECTS = {
    "CD70-IV-101": (0, 0, 0, 0, [("Fatigue", GEN, 1, 5, 20, False, True),
                                 ("Anaemia", BLOOD, 2, -4, None, False, False)], [], 4.0e3, 10),
    "CD70-IV-102": (1, 2, 0, 0, [("Neutrophil count decreased", INV, 3, 5, 9, False, True),
                                 ("Pyrexia", GEN, 1, 1, 3, False, True)], [], 7.5e3, 14),
    "CD70-IV-103": (2, 1, 1, 5, [("Neutrophil count decreased", INV, 4, 4, 12, False, True),
                                 ("Hypotension", VASC, 2, 2, 3, False, True)], [], 2.6e4, 7),
    "CD70-IV-104": (2, 2, 2, 6, [("Platelet count decreased", INV, 3, 6, 15, False, True)], [],
                    3.4e4, 10),
    "CD70-IV-105": (3, 3, 0, 0, [("Pyrexia", GEN, 2, 2, 4, False, True)], [CRS], 6.8e4, 10),
    "CD70-IV-106": (3, 2, 3, 6, [("Hypoxia", "Respiratory, thoracic and mediastinal disorders", 3,
                                  3, 4, True, True)], [CRS, ICANS], 1.2e5, 7),
    "CD70-IV-107": (4, 1, 2, 5, [("Hypotension", VASC, 3, 1, 4, True, True)], [CRS], 1.6e5, 7),
    "CD70-IV-108": (1, 3, 0, 0, [("Malignant neoplasm progression",
                                  "Neoplasms benign, malignant and unspecified", 5, 25, None,
                                  True, False)], [], 5.1e4, 14),
    "CD70-IP-201": (1, 3, 0, 0, [("Abdominal pain", GI, 2, 0, 4, False, True)], [], 2.2e3, 14),
    "CD70-IP-202": (1, 4, 0, 0, [("Abdominal pain", GI, 1, 1, 2, False, True),
                                 ("Nausea", GI, 1, 2, 3, False, True)], [], 3.9e3, 10),
    "CD70-IP-203": (0, 0, 0, 0, [("Ascites", GI, 2, 9, 30, False, False),
                                 ("Fatigue", GEN, 1, 3, 14, False, True)], [], 6.0e3, 14),
    "CD70-IP-204": (2, 3, 1, 7, [("Neutrophil count decreased", INV, 3, 7, 8, False, True)], [],
                    2.4e4, 10),
    "CD70-IP-205": (3, 2, 0, 0, [("Ascites", GI, 2, 5, 21, False, True)], [CRS], 4.3e4, 7),
    "CD70-IP-206": (2, 3, 3, 8, [("Abdominal pain", GI, 3, 1, 3, True, True)], [ICANS], 5.7e4, 10),
}
NOT_DLT_EVALUABLE = {"CD70-IV-108": "died of disease progression on day 25, before the end of "
                                    "the 28-day DLT window, without a DLT"}
KINETIC_DAYS = [0, 1, 4, 7, 10, 14, 21, 28, 42, 60, 90, 120]
LLOQ = 50.0  # copies/ug DNA
LAB_DAYS = [-3, 0, 1, 3, 5, 7, 10, 14, 21, 28]
# Peak (median) by CRS grade 0..4 and baseline per analyte; day of peak after CRS onset.
LAB_PEAK = {"CRP": ([18, 55, 120, 210, 290], 8, 2, "mg/L"),
            "IL-6": ([14, 85, 320, 1600, 5200], 5, 0, "pg/mL"),
            "ferritin": ([650, 1300, 3200, 8400, 21000], 420, 4, "ng/mL")}


def load():
    info = {}
    for name in sorted(os.listdir(folder)):
        if name.endswith(".json"):
            d = json.load(open(os.path.join(folder, name)))
            info[d["subject"]] = d
    return info


def iso(d0, day):
    return (d0 + datetime.timedelta(days=day)).isoformat()


def main():
    info = load()
    ae_rows, kin_rows, lab_rows = [], [], []
    for sid, (crs, crs_day, icans, icans_day, others, dlts, peak, peak_day) in SUBJECTS.items():
        d = info[sid]
        d0 = datetime.date.fromisoformat(d["treatment_start"])
        death = d.get("death_date")
        last_day = (datetime.date.fromisoformat(death) - d0).days if death else 10 ** 6
        events = list(others)
        if crs:
            events.append((CRS, IMM, crs, crs_day, 2 + 2 * crs, crs >= 3, True))
        if icans:
            events.append((ICANS, NERV, icans, icans_day, 2 + 2 * icans, icans >= 2, True))
        for term, soc, grade, day, lasting, serious, related in sorted(events, key=lambda e: e[3]):
            end = iso(d0, day + lasting) if lasting is not None else ""
            if grade == 5:
                end = iso(d0, day)
            ae_rows.append([sid, term, soc, grade, iso(d0, day), end, "Y" if serious else "N",
                            "Y" if related else "N", "Y" if term in dlts else "N"])
        # Kinetics: rise to the peak, then a fast and a slow log-linear decline.
        for day in KINETIC_DAYS:
            if day >= last_day:
                break
            if day == 0:
                level = 0.0
            elif day <= peak_day:
                level = peak * math.exp(-0.9 * (peak_day - day))
            else:
                level = peak * (0.85 * math.exp(-0.16 * (day - peak_day)) +
                                0.15 * math.exp(-0.018 * (day - peak_day)))
            level *= math.exp(rng.gauss(0, 0.15))
            blq = level < LLOQ
            kin_rows.append([sid, day, "" if blq else f"{level:.0f}", "copies/ug DNA",
                             "Y" if blq else "N"])
        for analyte, (peaks, base, lag, unit) in LAB_PEAK.items():
            top = peaks[crs] * math.exp(rng.gauss(0, 0.2))
            b = base * math.exp(rng.gauss(0, 0.25))
            at = (crs_day if crs else 3) + lag
            for day in LAB_DAYS:
                if day >= last_day:
                    break
                if day <= 0:
                    v = b * math.exp(rng.gauss(0, 0.1))
                else:
                    width = 2.5 if analyte != "ferritin" else 6.0
                    v = b + (top - b) * math.exp(-((day - at) / width) ** 2)
                    v *= math.exp(rng.gauss(0, 0.08))
                lab_rows.append([sid, analyte, day, f"{v:.1f}", unit])
        if sid in NOT_DLT_EVALUABLE and d.get("dlt_evaluable") is not False:
            print(f"note: set \"dlt_evaluable\": false in {sid}.json ({NOT_DLT_EVALUABLE[sid]})")
    for name, header, rows in (
            ("adverse_events.csv", ["subject", "term", "soc", "grade", "onset", "end", "serious",
                                    "related", "dlt"], ae_rows),
            ("kinetics.csv", ["subject", "day", "value", "unit", "blq"], kin_rows),
            ("labs.csv", ["subject", "analyte", "day", "value", "unit"], lab_rows)):
        with open(os.path.join(folder, name), "w", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(header)
            w.writerows(rows)
        print(f"{name}: {len(rows)} rows")


main()
