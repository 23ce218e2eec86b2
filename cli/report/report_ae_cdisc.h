// Adverse events in the shape of CDISC SDTM AE and ADaM ADAE, as CSV (issue 21). Variable
// names follow SDTMIG 3.3 (AE) and the ADaM Occurrence Data Structure (ADAE, ADaMIG 1.1);
// AEDLT (SDTM) is not a standard variable: in a submission it belongs in SUPPAE.
#pragma once

#include <string>

#include "cli/report/report_data.h"

namespace nadir::report {

/// sdtm_ae.csv: STUDYID, DOMAIN, USUBJID, AESEQ, AETERM, AEDECOD, AEBODSYS, AETOXGR, AESER,
/// AEREL, AESTDTC, AEENDTC, AESTDY, AEENDY, AEDLT; events in subject then onset order.
std::string AeCsv(const Report& r);

/// adam_adae.csv: STUDYID, USUBJID, ARM, DOSELVL, AESEQ, AEDECOD, AEBODSYS, ATOXGR, AESER,
/// AREL, TRTSDT, ASTDT, AENDT, ASTDY, AENDY, TRTEMFL, DLTFL, AOCCPFL (first occurrence of the
/// term in the subject, by onset), CRSFL, ICANSFL.
std::string AdaeCsv(const Report& r);

}  // namespace nadir::report
