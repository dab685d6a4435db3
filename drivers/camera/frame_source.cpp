#include "drivers/camera/frame_source.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/videoio.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "drivers/camera/opencv_frames.h"

namespace kiosk::drivers {

namespace {

bool isImageFile(const std::filesystem::path& file) {
    static constexpr std::array<std::string_view, 10> kExtensions{".png", ".jpg", ".jpeg", ".bmp",  ".ppm",
                                                                  ".pgm", ".pnm", ".tif",  ".tiff", ".webp"};
    std::string extension = file.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return std::find(kExtensions.begin(), kExtensions.end(), extension) != kExtensions.end();
}

class ImageFolderSource final : public FrameSource {
public:
    explicit ImageFolderSource(std::filesystem::path folder) : folder_(std::move(folder)) {}

    Result<void> open() override {
        files_.clear();
        next_ = 0;
        std::error_code error;
        if (!std::filesystem::is_directory(folder_, error))
            return makeError("camera.source", "there is no image folder at " + folder_.string());
        for (const auto& entry : std::filesystem::directory_iterator(folder_, error))
            if (entry.is_regular_file(error) && isImageFile(entry.path())) files_.push_back(entry.path());
        if (error) return makeError("camera.source", "cannot list " + folder_.string() + ": " + error.message());
        if (files_.empty())
            return makeError("camera.source", "there are no images (.png, .jpg, ...) in " + folder_.string());
        // File-name order, so that frame-0001.png ... plays as numbered whatever the directory says.
        std::sort(files_.begin(), files_.end(),
                  [](const auto& a, const auto& b) { return a.filename().string() < b.filename().string(); });
        return {};
    }

    Result<std::optional<cv::Mat>> read() override {
        if (next_ >= files_.size()) return std::optional<cv::Mat>{};
        const auto& file = files_[next_++];
        cv::Mat image;
        try {
            image = cv::imread(file.string(), cv::IMREAD_COLOR);
        } catch (const cv::Exception&) {
            image.release();
        }
        if (image.empty()) return makeError("camera.source", "cannot read " + file.string() + " as an image");
        auto bgr = asBgr(image);
        if (!bgr) return makeError("camera.source", file.string() + ": " + bgr.error().detail);
        return std::optional<cv::Mat>{std::move(*bgr)};
    }

    void close() override { files_.clear(); }
    FrameRate nativeRate() const override { return {}; }

private:
    std::filesystem::path folder_;
    std::vector<std::filesystem::path> files_;
    std::size_t next_ = 0;
};

class VideoFileSource final : public FrameSource {
public:
    explicit VideoFileSource(std::filesystem::path file) : file_(std::move(file)) {}

    Result<void> open() override {
        close();
        std::error_code error;
        if (!std::filesystem::is_regular_file(file_, error))
            return makeError("camera.source", "there is no video file at " + file_.string());
        // FFmpeg plays most files; OpenCV's own reader plays MJPG in AVI where FFmpeg is missing.
        // Not CAP_ANY: GStreamer would be tried too, which scans its plugins on every open.
        bool opened = false;
        for (const int backend : {cv::CAP_FFMPEG, cv::CAP_OPENCV_MJPEG}) {
            try {
                opened = capture_.open(file_.string(), backend);
            } catch (const cv::Exception&) {
                opened = false;
            }
            if (opened) break;
        }
        if (!opened) return makeError("camera.source", "cannot play " + file_.string() + " as a video");
        rate_ = FrameRate{capture_.get(cv::CAP_PROP_FPS)};
        if (!(rate_.perSecond > 0 && rate_.perSecond < 1000)) rate_ = {};
        return {};
    }

    Result<std::optional<cv::Mat>> read() override {
        cv::Mat image;
        bool ok = false;
        try {
            ok = capture_.isOpened() && capture_.read(image) && !image.empty();
        } catch (const cv::Exception&) {
            ok = false;
        }
        // A video file cannot tell its end from a damaged frame; only a file that gives no frame
        // at all is unreadable.
        if (!ok && framesRead_ == 0) return makeError("camera.source", "cannot read a frame from " + file_.string());
        if (!ok) return std::optional<cv::Mat>{};
        ++framesRead_;
        auto bgr = asBgr(image);
        if (!bgr) return makeError("camera.source", file_.string() + ": " + bgr.error().detail);
        return std::optional<cv::Mat>{std::move(*bgr)};
    }

    void close() override {
        capture_.release();
        framesRead_ = 0;
    }
    FrameRate nativeRate() const override { return rate_; }

private:
    std::filesystem::path file_;
    cv::VideoCapture capture_;
    FrameRate rate_;
    std::size_t framesRead_ = 0;
};

}  // namespace

std::unique_ptr<FrameSource> imageFolderSource(std::filesystem::path folder) {
    return std::make_unique<ImageFolderSource>(std::move(folder));
}

std::unique_ptr<FrameSource> videoFileSource(std::filesystem::path file) {
    return std::make_unique<VideoFileSource>(std::move(file));
}

}  // namespace kiosk::drivers
