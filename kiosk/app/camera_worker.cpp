#include "kiosk/app/camera_worker.h"

#include <utility>

#include "kiosk/vision/frame_works.h"

namespace kiosk::app {

std::unique_ptr<CameraWorker> CameraWorker::create(drivers::Camera& camera, InputChannels& channels,
                                                   const vision::WorkSettings& work,
                                                   vision::PipelineSettings settings) {
    auto sink = [&channels](vision::VisionEvent event) {
        // A full queue counts what it refuses; the UI is rung all the same.
        channels.vision.push(std::move(event));
        channels.wake.ring();
    };
    auto pipeline = vision::FramePipeline::create(camera, sink, work, settings, &channels.preview);
    if (pipeline) return std::make_unique<CameraWorker>(std::move(*pipeline), channels);
    channels.cameraProblem.put(pipeline.error());
    auto partial = std::make_unique<vision::FramePipeline>(camera, std::move(sink), settings, &channels.preview);
    partial->setWork(vision::Demand::Kind::Mrz, std::make_unique<vision::MrzWork>(work.mrz));
    return std::make_unique<CameraWorker>(std::move(partial), channels);
}

CameraWorker::CameraWorker(std::unique_ptr<vision::FramePipeline> pipeline, InputChannels& channels)
    : pipeline_(std::move(pipeline)), channels_(channels) {}

vision::PipelineStep CameraWorker::runOnce() {
    if (auto demand = channels_.demand.take()) pipeline_->setDemand(*demand);
    const auto step = pipeline_->runOnce();
    if (step.gotFrame && pipeline_->demand().kind != vision::Demand::Kind::Nothing) channels_.wake.ring();
    return step;
}

}  // namespace kiosk::app
