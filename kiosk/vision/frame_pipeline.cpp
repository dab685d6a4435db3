#include "kiosk/vision/frame_pipeline.h"

#include <algorithm>
#include <utility>

#include "kiosk/vision/frame_works.h"

namespace kiosk::vision {

void BarcodeWork::reset(const Demand& demand) {
    formats_ = demand.formats;
    reported_.clear();
}

std::vector<VisionEvent> BarcodeWork::onFrame(const drivers::CameraFrame& frame) {
    auto codes = reader_.read(frame, formats_);
    if (!codes) {
        ++refused_;
        return {};
    }
    BarcodesRead fresh{frame.sequence, frame.at, {}};
    for (auto& code : *codes) {
        // A code held in front of the camera is in every frame for seconds: the UI hears of it once.
        const bool known = std::any_of(reported_.begin(), reported_.end(), [&](const Barcode& r) {
            return r.format == code.format && r.bytes == code.bytes;
        });
        if (known) continue;
        reported_.push_back(code);
        fresh.codes.push_back(std::move(code));
    }
    if (fresh.codes.empty()) return {};
    return {std::move(fresh)};
}

FramePipeline::FramePipeline(drivers::Camera& camera, VisionSink sink, PipelineSettings settings,
                             Mailbox<drivers::CameraFrame>* preview)
    : camera_(camera), sink_(std::move(sink)), settings_(settings), preview_(preview) {
    setWork(Demand::Kind::Barcodes, std::make_unique<BarcodeWork>(BarcodeReader{}));
}

Result<std::unique_ptr<FramePipeline>> FramePipeline::create(drivers::Camera& camera, VisionSink sink,
                                                             const WorkSettings& work, PipelineSettings settings,
                                                             Mailbox<drivers::CameraFrame>* preview) {
    // The cascades are loaded first: a kiosk without them must say so at start, not at the photo.
    auto face = FaceWork::create(work.face);
    if (!face) return face.error();
    auto pipeline = std::make_unique<FramePipeline>(camera, std::move(sink), settings, preview);
    pipeline->setWork(Demand::Kind::Mrz, std::make_unique<MrzWork>(work.mrz));
    pipeline->setWork(Demand::Kind::FacePhoto, std::move(*face));
    return pipeline;
}

void FramePipeline::setWork(Demand::Kind kind, std::unique_ptr<FrameWork> work) {
    works_[static_cast<std::size_t>(kind)] = std::move(work);
}

FrameWork* FramePipeline::workFor(Demand::Kind kind) const {
    if (kind == Demand::Kind::Nothing) return nullptr;
    return works_[static_cast<std::size_t>(kind)].get();
}

PipelineStep FramePipeline::runOnce() {
    PipelineStep step;
    if (auto demand = pendingDemand_.take()) {
        demand_ = *demand;
        if (auto* work = workFor(demand_.kind)) work->reset(demand_);
    }
    auto frame = camera_.next(settings_.frameWait);
    if (!frame) return step;
    // The newest frame wins: whatever else is already waiting is taken and dropped.
    while (auto newer = camera_.next(std::chrono::milliseconds::zero())) {
        frame = std::move(newer);
        ++step.dropped;
    }
    step.gotFrame = true;
    step.sequence = frame->sequence;
    if (auto* work = workFor(demand_.kind)) {
        step.worked = true;
        for (auto& event : work->onFrame(*frame)) {
            ++step.events;
            if (sink_) sink_(std::move(event));
        }
    }
    if (preview_) preview_->put(std::move(*frame));
    return step;
}

}  // namespace kiosk::vision
