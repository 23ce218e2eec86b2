// Internal to analysis/: ITK's threads without fork handlers. ITK's thread pool installs
// pthread_atfork handlers that join its threads; nadir forks to keep GDCM's JPEG 2000 decoder
// from taking the process down (dicom/gdcm_decode.cpp), and with the pool alive that fork
// aborted the process (std::system_error "No such process" from the handler). ITK's platform
// threader starts threads per filter and installs no fork handler.
#pragma once

#include <itkMultiThreaderBase.h>

namespace nadir::analysis {

/// Call before the first ITK filter runs (cheap after the first call).
inline void UseForkSafeItkThreads() {
  static const bool done = [] {
    itk::MultiThreaderBase::SetGlobalDefaultThreader(itk::MultiThreaderBase::Platform);
    return true;
  }();
  (void)done;
}

}  // namespace nadir::analysis
