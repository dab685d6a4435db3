#pragma once
// Where a simulated camera's pictures come from: the images of a folder in file-name order, or
// the frames of a video file. Private to drivers/camera (includes OpenCV).

#include <opencv2/core.hpp>

#include <filesystem>
#include <memory>
#include <optional>

#include "drivers/api/camera.h"
#include "kiosk/base/result.h"

namespace kiosk::drivers {

// Lives on the camera thread, inside a SimulatedCamera.
class FrameSource {
public:
    virtual ~FrameSource() = default;

    // Opens the source, or opens it again at its first frame. The error's detail is plain words
    // for staff ("camera.source").
    virtual Result<void> open() = 0;
    // The next picture as 8-bit BGR; nullopt after the last one; an error when one cannot be read.
    virtual Result<std::optional<cv::Mat>> read() = 0;
    virtual void close() = 0;
    // The rate the source was made for; 0 when it does not say (a folder of images).
    virtual FrameRate nativeRate() const = 0;
};

// .png, .jpg, .jpeg, .bmp, .ppm, .pgm, .pnm, .tif, .tiff, .webp, in any case; other files in the
// folder (a README) are left out.
std::unique_ptr<FrameSource> imageFolderSource(std::filesystem::path folder);
// Any file OpenCV can play without extra plugins; an MJPG .avi always works.
std::unique_ptr<FrameSource> videoFileSource(std::filesystem::path file);

}  // namespace kiosk::drivers
