// Where a series' voxels go while it loads. The loader decodes each slice straight into the
// buffer its sink hands out for it, so a slice is written once and never copied by dicom/:
// analysis and the command line fill one Volume (VolumeSink); the viewer keeps one buffer per
// slice and queues it to the GL thread as soon as it is done.
#pragma once

#include <cstdint>
#include <span>

#include "geometry/volume.h"

namespace nadir::dicom {

/// The loader calls Begin once, then, for every slice k exactly once, SliceBuffer(k) before
/// decoding it and SliceDone(k) when its voxels are in that buffer: blank slices at gaps
/// (MissingSlices) first, then in decode order (middle slice first, then outwards). Calls never
/// overlap but may come from the loader's worker threads: keep them short.
class SliceSink {
 public:
  virtual ~SliceSink() = default;
  /// Before any pixel: the volume's geometry and sop_uids; `hu` is empty.
  virtual void Begin(const Volume& geometry) = 0;
  /// Where slice k's HU go: at least columns x rows values (i fastest). The loader writes
  /// every value. The buffer must stay valid until the load returns or throws.
  virtual std::span<std::int16_t> SliceBuffer(int k) = 0;
  /// Slice k is complete in its buffer; `done` of `total` slices are.
  virtual void SliceDone(int k, int done, int total) = 0;
  /// Polled before each file: true stops the load (the loader throws DicomError).
  virtual bool Cancelled() const { return false; }
};

/// Fills one Volume (geometry, sop_uids and every voxel): what analysis and the command line
/// need. The Volume keeps its address and its buffer while the load runs, so an override of
/// SliceDone may read slice k from it.
class VolumeSink : public SliceSink {
 public:
  explicit VolumeSink(Volume& out) : out_(out) {}
  void Begin(const Volume& geometry) override;
  std::span<std::int16_t> SliceBuffer(int k) override;
  void SliceDone(int, int, int) override {}

 protected:
  const Volume& volume() const { return out_; }

 private:
  Volume& out_;
};

}  // namespace nadir::dicom
