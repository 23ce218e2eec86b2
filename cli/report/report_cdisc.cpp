#include "cli/report/report_cdisc.h"

#include "cli/report/text_format.h"

namespace nadir::report {

namespace {

std::string GroupOr(const Subject& s, const char* key) {
  const auto it = s.groups.find(key);
  return it == s.groups.end() ? "" : it->second;
}

std::string CriteriaName(Criteria c) { return c == Criteria::kRecist11 ? "RECIST 1.1" : "iRECIST"; }

}  // namespace

std::string TrRows(const std::string& study, const Subject& s, const SubjectResult& res) {
  std::string out;
  int seq = 0;
  auto row = [&](const std::string& lnk, const std::string& kind, const char* code,
                 const char* test, const std::string& value, bool numeric, const std::string& site,
                 const Timepoint& tp) {
    out += CsvRow({study, "TR", s.id, std::to_string(++seq), lnk, kind, code, test, value,
                   numeric ? "mm" : "", value, numeric ? value : "", numeric ? "mm" : "", site,
                   s.reader.empty() ? "INDEPENDENT ASSESSOR" : s.reader, "CT SCAN", tp.label,
                   FormatIsoDate(tp.date)});
  };
  for (const auto& tp : s.timepoints)
    for (const auto& l : tp.lesions) {
      const std::string kind = ToString(l.kind);
      if (l.long_axis_mm)
        row(l.id, kind, "LDIAM", "Longest Diameter", Num(*l.long_axis_mm, 1), true, l.site, tp);
      if (l.short_axis_mm)
        row(l.id, kind, "SAXIS", "Short Axis", Num(*l.short_axis_mm, 1), true, l.site, tp);
      row(l.id, kind, "TUMSTATE", "Tumor State", ToString(l.state), false, l.site, tp);
    }
  // Sums of diameters, as the engine computed them (baseline and follow-ups).
  if (res.baseline && res.baseline->sum_mm && !s.timepoints.empty())
    row("", "target", "SUMDIAM", "Sum of Diameters", Num(*res.baseline->sum_mm, 1), true, "",
        s.timepoints.front());
  if (res.recist11)
    for (const auto& t : res.recist11->timepoints) {
      if (!t.sum_mm) continue;
      Timepoint tp;
      tp.date = t.date;
      tp.label = t.label;
      row("", "target", "SUMDIAM", "Sum of Diameters", Num(*t.sum_mm, 1), true, "", tp);
    }
  return out;
}

std::string RsRows(const std::string& study, const Subject& s, const SubjectResult& res,
                   const stats::SubjectOutcome& o) {
  std::string out;
  const Criteria c = o.criteria;
  const std::string cat = CriteriaName(c);
  const std::string eval = s.reader.empty() ? "INDEPENDENT ASSESSOR" : s.reader;
  int seq = 0;
  auto row = [&](const char* code, const char* test, const std::string& v, const std::string& visit,
                 const std::string& date) {
    out += CsvRow(
        {study, "RS", s.id, std::to_string(++seq), code, test, cat, v, v, eval, visit, date});
  };
  const auto& result = c == Criteria::kRecist11 ? res.recist11 : res.irecist;
  if (result && res.errors.empty())
    for (const auto& t : result->timepoints) {
      const std::string d = FormatIsoDate(t.date);
      row("TRGRESP", "Target Response", stats::ResponseCode(t.target, c), t.label, d);
      row("NTRGRESP", "Non-target Response", stats::ResponseCode(t.nontarget, c), t.label, d);
      row("NEWLPROG", "New Lesion Progression", ToString(t.new_lesions), t.label, d);
      row("OVRLRESP", "Overall Response", stats::ResponseCode(t.overall, c), t.label, d);
    }
  if (o.best) row("BESTRESP", "Best Overall Response", stats::ResponseCode(*o.best, c), "", "");
  return out;
}

std::string AdtteRows(const std::string& study, const Subject& s, const stats::SubjectOutcome& o) {
  std::string out;
  const Criteria c = o.criteria;
  const std::string suffix = c == Criteria::kRecist11 ? "" : "I";
  auto row = [&](const std::string& code, const std::string& param, const stats::TimeToEvent& t) {
    out += CsvRow({study, s.id, GroupOr(s, "arm"), GroupOr(s, "dose_level"), CriteriaName(c),
                   code + suffix, param, Num(t.obs.time, 0), "DAYS", t.obs.event ? "0" : "1",
                   FormatIsoDate(t.start), FormatIsoDate(t.end), t.obs.event ? t.event_kind : "",
                   t.obs.event ? "" : t.censor_reason, o.treated ? "Y" : "N"});
  };
  row("PFS", "Progression-free survival", o.pfs);
  if (c == Criteria::kRecist11) row("OS", "Overall survival", o.os);
  if (o.dor)
    row("DOR",
        o.dor_from == DurationFrom::kControl ? "Duration of disease control"
                                             : "Duration of response",
        *o.dor);
  return out;
}

bool WriteTrCsv(const Report& r, const TextSink& sink) {
  return sink(CsvRow({"STUDYID", "DOMAIN", "USUBJID", "TRSEQ", "TRLNKID", "TRLNKGRP", "TRTESTCD",
                      "TRTEST", "TRORRES", "TRORRESU", "TRSTRESC", "TRSTRESN", "TRSTRESU", "TRLOC",
                      "TREVAL", "TRMETHOD", "VISIT", "TRDTC"})) &&
         r.listings->tr.CopyTo(sink);
}

bool WriteRsCsv(const Report& r, const TextSink& sink) {
  bool ok = sink(CsvRow({"STUDYID", "DOMAIN", "USUBJID", "RSSEQ", "RSTESTCD", "RSTEST", "RSCAT",
                         "RSORRES", "RSSTRESC", "RSEVAL", "VISIT", "RSDTC"}));
  for (const auto& c : r.criteria)
    if (!c.whole_course_variant) ok = ok && r.listings->rs[CriteriaIndex(c.criteria)].CopyTo(sink);
  return ok;
}

bool WriteAdtteCsv(const Report& r, const TextSink& sink) {
  bool ok =
      sink(CsvRow({"STUDYID", "USUBJID", "TRT01P", "DOSELVL", "CRIT", "PARAMCD", "PARAM", "AVAL",
                   "AVALU", "CNSR", "STARTDT", "ADT", "EVNTDESC", "CNSDTDSC", "ITTFL"}));
  for (const auto& c : r.criteria)
    if (!c.whole_course_variant)
      ok = ok && r.listings->adtte[CriteriaIndex(c.criteria)].CopyTo(sink);
  return ok;
}

std::string TrCsv(const Report& r) { return Collect(r, WriteTrCsv); }
std::string RsCsv(const Report& r) { return Collect(r, WriteRsCsv); }
std::string AdtteCsv(const Report& r) { return Collect(r, WriteAdtteCsv); }

}  // namespace nadir::report
