#include "cli/report/report_safety.h"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "cli/report/report_data.h"

namespace nadir::report {

namespace {

// The groups of the endpoint tables: "all" then each --by value and combination.
std::vector<std::pair<std::string, std::map<std::string, std::string>>> Groups(const Report& r) {
  std::vector<std::pair<std::string, std::map<std::string, std::string>>> out;
  if (!r.criteria.empty())
    for (const auto& g : r.criteria.front().groups) out.push_back({g.key, g.labels});
  if (out.empty()) out.push_back({"all", {}});
  return out;
}

bool InGroup(const ReportSubject& s, const std::map<std::string, std::string>& labels) {
  for (const auto& [k, v] : labels) {
    const auto it = s.groups->find(k);
    if ((it == s.groups->end() ? std::string("(missing)") : it->second) != v) return false;
  }
  return true;
}

std::vector<const ReportSubject*> Treated(const Report& r) {
  std::vector<const ReportSubject*> out;
  for (const auto& s : r.subjects)
    if (s.treatment_start) out.push_back(&s);
  return out;
}

std::vector<ArmEscalationReport> Escalation(const std::vector<const ReportSubject*>& treated,
                                            const std::vector<stats::AdverseEvent>& events) {
  std::map<std::string, std::map<std::string, stats::DoseLevelTally>> arms;
  std::map<std::string, std::vector<std::string>> dlt_subjects;
  for (const ReportSubject* s : treated) {
    const auto arm = s->groups->find(kArmLabel), level = s->groups->find(kDoseLevelLabel);
    if (arm == s->groups->end() || level == s->groups->end()) continue;
    auto& t = arms[arm->second][level->second];
    t.dose_level = level->second;
    ++t.treated;
    if (!s->dlt_evaluable) continue;
    ++t.evaluable;
    const bool dlt = std::any_of(events.begin(), events.end(), [&](const auto& e) {
      return e.subject == s->id && stats::IsDoseLimiting(e, *s->treatment_start);
    });
    if (dlt) {
      ++t.dlt;
      dlt_subjects[arm->second].push_back(s->id + " (" + level->second + ")");
    }
  }
  std::vector<ArmEscalationReport> out;
  for (auto& [arm, levels] : arms) {
    std::vector<stats::DoseLevelTally> ordered;
    for (auto& [name, t] : levels) ordered.push_back(t);
    std::sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) {
      return stats::DoseLevelLess(a.dose_level, b.dose_level);
    });
    out.push_back({arm, stats::Escalate(std::move(ordered)), dlt_subjects[arm]});
  }
  return out;
}

std::vector<double> Values(const std::vector<const SubjectKinetics*>& members,
                           std::optional<double> stats::NcaResult::*field) {
  std::vector<double> v;
  for (const auto* k : members)
    if (k->nca.*field) v.push_back(*(k->nca.*field));
  return v;
}

std::vector<double> AucValues(const std::vector<const SubjectKinetics*>& members, size_t i) {
  std::vector<double> v;
  for (const auto* k : members)
    if (k->nca.auc[i]) v.push_back(*k->nca.auc[i]);
  return v;
}

}  // namespace

TrialSafety BuildSafety(const Report& r, TrialData data) {
  TrialSafety out;
  out.files_read = data.files_read;
  out.errors = data.errors;
  out.events = data.adverse_events;
  out.has_adverse_events = !data.adverse_events.empty();
  out.has_kinetics = !data.kinetics.empty();
  out.has_labs = !data.labs.empty();
  out.kinetics_unit = data.kinetics_unit;
  const auto treated = Treated(r);
  const auto groups = Groups(r);

  for (const ReportSubject* s : treated) {
    out.crs_grade[s->id] = stats::WorstGrade(out.events, s->id, *s->treatment_start, stats::IsCrs);
    out.icans_grade[s->id] =
        stats::WorstGrade(out.events, s->id, *s->treatment_start, stats::IsIcans);
  }
  if (out.has_adverse_events) {
    out.escalation = Escalation(treated, out.events);
    for (const auto& [key, labels] : groups) {
      std::vector<stats::TreatedSubject> members;
      for (const ReportSubject* s : treated)
        if (InGroup(*s, labels)) members.push_back({s->id, *s->treatment_start});
      out.safety.push_back({key, labels, stats::TallySafety(members, out.events)});
    }
  }

  const std::vector<double> ends(std::begin(kAucEndsDays), std::end(kAucEndsDays));
  for (const ReportSubject* s : treated) {
    const auto it = data.kinetics.find(s->id);
    if (it == data.kinetics.end()) continue;
    SubjectKinetics k{s->id, *s->groups, it->second, {}, {}};
    std::sort(k.samples.begin(), k.samples.end(),
              [](const auto& a, const auto& b) { return a.time < b.time; });
    try {
      k.profile = stats::CleanProfile(k.samples);
      k.nca = stats::NonCompartmental(k.samples, ends);
    } catch (const std::invalid_argument& e) {
      out.errors.push_back(std::string(kKineticsFile) + ": subject " + s->id + ": " + e.what());
      continue;
    }
    out.kinetics.push_back(std::move(k));
  }
  if (out.has_kinetics)
    for (const auto& [key, labels] : groups) {
      std::vector<const SubjectKinetics*> members;
      for (const ReportSubject* s : treated)
        if (InGroup(*s, labels))
          for (const auto& k : out.kinetics)
            if (k.subject == s->id) members.push_back(&k);
      KineticsGroup g{key, labels, int(members.size()), {}, {}, {}, {}};
      g.cmax = stats::Geometric(Values(members, &stats::NcaResult::cmax));
      g.auc_0_28 = stats::Geometric(AucValues(members, 0));
      g.auc_0_90 = stats::Geometric(AucValues(members, 1));
      g.tmax = stats::MedianAndRange(Values(members, &stats::NcaResult::tmax));
      out.kinetics_groups.push_back(g);
    }

  // Cytokines: per treated subject and analyte, values by day since treatment start.
  std::map<std::string, std::map<std::string, std::vector<stats::LabValue>>> labs;
  for (const auto& l : data.labs) {
    labs[l.analyte][l.subject].push_back({l.day, l.value});
    out.lab_units[l.analyte] = l.unit;
  }
  for (auto& [analyte, per_subject] : labs) {
    std::map<std::string, stats::CytokineResponse> responses;
    for (auto& [id, values] : per_subject) {
      if (!out.crs_grade.count(id)) continue;  // not treated: the reader reported it
      std::sort(values.begin(), values.end(),
                [](const auto& a, const auto& b) { return a.day < b.day; });
      SubjectCytokine c{id, analyte, out.crs_grade[id], values, stats::CytokineResponseOf(values)};
      responses[id] = c.response;
      out.cytokines.push_back(std::move(c));
    }
    for (const auto& b : stats::ByCrsGrade(analyte, responses, out.crs_grade))
      out.cytokines_by_crs.push_back(b);
    std::map<std::string, std::vector<stats::LabValue>> treated_values;
    for (const auto& [id, values] : per_subject)
      if (out.crs_grade.count(id)) treated_values[id] = values;
    for (const auto& d : stats::ByDayAndCrsGrade(analyte, treated_values, out.crs_grade))
      out.cytokines_by_day.push_back(d);
  }

  // Covariates against CRS and ICANS (any grade), over treated subjects with the covariate.
  if (out.has_adverse_events) {
    std::set<std::string> names;
    for (const ReportSubject* s : treated)
      for (const auto& [k, v] : *s->covariates) names.insert(k);
    for (const auto& name : names)
      for (const auto& [tox, grades] :
           {std::pair{"CRS", &out.crs_grade}, std::pair{"ICANS", &out.icans_grade}}) {
        ToxicityCovariate t{name, tox, {}, {}, {}};
        for (const ReportSubject* s : treated) {
          const auto v = s->covariates->find(name);
          if (v == s->covariates->end()) continue;
          (grades->at(s->id) > 0 ? t.with : t.without).push_back(v->second);
        }
        t.test = stats::WilcoxonRankSum(t.with, t.without);
        out.toxicity_covariates.push_back(std::move(t));
      }
  }
  return out;
}

}  // namespace nadir::report
