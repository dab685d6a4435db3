#pragma once
// One round of the camera thread: hands the screen's latest demand to the frame pipeline, runs
// the pipeline once, and rings the UI when a frame came for a screen that shows the camera (only
// screens that ask the camera for something do). The pipeline's findings go to the vision queue,
// each with a ring. The thread is only a loop around runOnce() (DeviceThreads).
//
// Lives on the camera thread, where create() builds it: loading the MRZ model and the face
// cascades takes a while and must not hold up the kiosk's start.

#include <memory>

#include "drivers/api/camera.h"
#include "kiosk/app/input_channels.h"
#include "kiosk/vision/frame_pipeline.h"

namespace kiosk::app {

class CameraWorker {
public:
    // `camera` and `channels` must outlive the worker. Without the face cascades the pipeline
    // still reads barcodes and the MRZ, but takes no face photo; the reason goes to
    // channels.cameraProblem for the log.
    static std::unique_ptr<CameraWorker> create(drivers::Camera& camera, InputChannels& channels,
                                                const vision::WorkSettings& work = {},
                                                vision::PipelineSettings settings = {});

    vision::PipelineStep runOnce();

    CameraWorker(std::unique_ptr<vision::FramePipeline> pipeline, InputChannels& channels);

private:
    std::unique_ptr<vision::FramePipeline> pipeline_;
    InputChannels& channels_;
};

}  // namespace kiosk::app
