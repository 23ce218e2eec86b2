// The sub-commands of `nadir`; each lives in its own cmd_*.cpp and returns the exit code.
#pragma once

namespace nadir::cli {

int RunRecompute(int argc, char** argv);
int RunValidate(int argc, char** argv);
int RunBench(int argc, char** argv);
int RunInfo(int argc, char** argv);
int RunPhantom(int argc, char** argv);
int RunReport(int argc, char** argv);
int RunReview(int argc, char** argv);
int RunAudit(int argc, char** argv);
int RunEdit(int argc, char** argv);
int RunKeys(int argc, char** argv);
int RunSr(int argc, char** argv);
int RunMeasure(int argc, char** argv);
int RunPacs(int argc, char** argv);
int RunTrack(int argc, char** argv);

}  // namespace nadir::cli
