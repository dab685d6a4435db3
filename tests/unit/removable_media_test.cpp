// Removable media: the system's mount table and sysfs, played by a mountinfo file and a sysfs tree
// of real folders and links in a temporary folder, and the simulated stick that is a folder.

#include <gtest/gtest.h>

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "drivers/storage/simulated_media.h"
#include "drivers/storage/system_media.h"

using namespace kiosk;
using namespace kiosk::drivers;

namespace {

class RemovableMediaTest : public testing::Test {
protected:
    void SetUp() override {
        std::string pattern = (std::filesystem::temp_directory_path() / "loket-media-XXXXXX").string();
        ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
        dir_ = pattern;
        std::filesystem::create_directories(dir_ / "sys/class/block");
        // A USB stick that says so, a USB disk that does not, a card reader on the SATA bus that
        // says so, the internal disk, a loop device.
        blockDevice("pci0000:00/0000:00:14.0/usb1/1-1/1-1:1.0/host6/target6:0:0/6:0:0:0", "sdb", "sdb1", "1");
        blockDevice("pci0000:00/0000:00:14.0/usb2/2-3/2-3:1.0/host7/target7:0:0/7:0:0:0", "sdc", "", "0");
        blockDevice("pci0000:00/0000:00:17.0/ata3/host2/target2:0:0/2:0:0:0", "sdd", "sdd1", "1");
        blockDevice("pci0000:00/0000:00:17.0/ata1/host0/target0:0:0/0:0:0:0", "sda", "sda2", "0");
        blockDevice("virtual", "loop0", "", "0");
    }
    void TearDown() override { std::filesystem::remove_all(dir_); }

    // <sys>/devices/<parent>/block/<disk>[/<part>], with the links of <sys>/class/block to them.
    void blockDevice(const std::string& parent, const std::string& disk, const std::string& part,
                     const std::string& removable) {
        const auto diskDir = std::filesystem::path("devices") / parent / "block" / disk;
        std::filesystem::create_directories(dir_ / "sys" / diskDir);
        std::ofstream(dir_ / "sys" / diskDir / "removable") << removable << "\n";
        std::filesystem::create_directory_symlink("../.." / diskDir, dir_ / "sys/class/block" / disk);
        if (part.empty()) return;
        std::filesystem::create_directories(dir_ / "sys" / diskDir / part);
        std::ofstream(dir_ / "sys" / diskDir / part / "partition") << "1\n";
        std::filesystem::create_directory_symlink("../.." / diskDir / part, dir_ / "sys/class/block" / part);
    }

    // A real folder to mount on, named as the mount table writes it.
    std::string mountPoint(const std::string& name) {
        std::filesystem::create_directories(dir_ / "media" / name);
        return (dir_ / "media" / name).string();
    }

    void writeMountInfo(const std::vector<std::string>& lines) {
        std::ofstream out(dir_ / "mountinfo");
        for (const auto& line : lines) out << line << "\n";
    }

    std::vector<Medium> mounted() {
        SystemMedia media(dir_ / "mountinfo", dir_ / "sys/class/block");
        auto found = media.mounted();
        if (!found) throw std::runtime_error(found.error().detail);
        return std::move(*found);
    }

    std::filesystem::path dir_;
};

TEST_F(RemovableMediaTest, AUsbStickPartitionIsFoundAtItsMountPoint) {
    const auto stick = mountPoint("STICK");
    writeMountInfo({"1 0 8:2 / / rw,relatime shared:1 - ext4 /dev/sda2 rw",
                    "90 1 8:17 / " + stick + " rw,nosuid,nodev,relatime shared:50 - vfat /dev/sdb1 rw,fmask=0022"});
    const auto media = mounted();
    ASSERT_EQ(media.size(), 1u);
    EXPECT_EQ(media[0].mountPoint, stick);
    EXPECT_EQ(media[0].device, "/dev/sdb1");
    EXPECT_TRUE(media[0].writable);
    ASSERT_TRUE(media[0].freeBytes && media[0].totalBytes);
    EXPECT_GT(*media[0].totalBytes, 0u);
    EXPECT_LE(*media[0].freeBytes, *media[0].totalBytes);
}

TEST_F(RemovableMediaTest, AUsbDiskThatSaysNotRemovableIsFoundThroughItsUsbPath) {
    const auto disk = mountPoint("DISK");
    writeMountInfo({"91 1 8:32 / " + disk + " rw,relatime - exfat /dev/sdc rw"});
    const auto media = mounted();
    ASSERT_EQ(media.size(), 1u);
    EXPECT_EQ(media[0].mountPoint, disk);
    EXPECT_EQ(media[0].device, "/dev/sdc");
}

TEST_F(RemovableMediaTest, APartitionOfADiskThatSaysRemovableIsFoundOffUsbToo) {
    const auto card = mountPoint("CARD");
    writeMountInfo({"92 1 8:49 / " + card + " rw,relatime - vfat /dev/sdd1 rw"});
    const auto media = mounted();
    ASSERT_EQ(media.size(), 1u);
    EXPECT_EQ(media[0].device, "/dev/sdd1");
}

TEST_F(RemovableMediaTest, TheInternalDiskLoopDevicesAndVirtualFilesystemsAreNot) {
    writeMountInfo({
        "1 0 8:2 / / rw,relatime shared:1 - ext4 /dev/sda2 rw",
        "22 1 0:21 / /proc rw,nosuid,nodev,noexec,relatime shared:12 - proc proc rw",
        "23 1 0:22 / /sys rw,nosuid,nodev,noexec,relatime shared:2 - sysfs sysfs rw",
        "25 1 0:23 / /run rw,nosuid,nodev shared:5 - tmpfs tmpfs rw,size=1600000k,mode=755",
        "60 1 7:0 / " + mountPoint("snap") + " ro,nodev,relatime shared:30 - squashfs /dev/loop0 ro",
        "61 1 259:0 / " + mountPoint("nvme") + " rw,relatime shared:31 - ext4 /dev/nvme9n1p1 rw",
    });
    EXPECT_TRUE(mounted().empty());
}

TEST_F(RemovableMediaTest, MediaComeInMountTableOrder) {
    const auto disk = mountPoint("DISK");
    const auto stick = mountPoint("STICK");
    writeMountInfo({"91 1 8:32 / " + disk + " rw,relatime - exfat /dev/sdc rw",
                    "1 0 8:2 / / rw,relatime shared:1 - ext4 /dev/sda2 rw",
                    "90 1 8:17 / " + stick + " rw,relatime - vfat /dev/sdb1 rw"});
    const auto media = mounted();
    ASSERT_EQ(media.size(), 2u);
    EXPECT_EQ(media[0].device, "/dev/sdc");
    EXPECT_EQ(media[1].device, "/dev/sdb1");
}

TEST_F(RemovableMediaTest, AMountPointWithASpaceIsDecoded) {
    mountPoint("MY STICK");
    const auto written = (dir_ / "media").string() + "/MY\\040STICK";
    writeMountInfo({"90 1 8:17 / " + written + " rw,relatime shared:50 - vfat /dev/sdb1 rw"});
    const auto media = mounted();
    ASSERT_EQ(media.size(), 1u);
    EXPECT_EQ(media[0].mountPoint, dir_ / "media" / "MY STICK");
    // statvfs and access() were given the decoded folder.
    EXPECT_TRUE(media[0].writable);
    EXPECT_TRUE(media[0].totalBytes);
}

TEST_F(RemovableMediaTest, AReadOnlyMountIsListedAsNotWritable) {
    const auto stick = mountPoint("STICK");
    writeMountInfo({"90 1 8:17 / " + stick + " ro,nosuid,nodev,relatime shared:50 - vfat /dev/sdb1 ro"});
    const auto media = mounted();
    ASSERT_EQ(media.size(), 1u);
    EXPECT_FALSE(media[0].writable);
    EXPECT_TRUE(media[0].freeBytes);
}

TEST_F(RemovableMediaTest, TheLastMountOnAMountPointIsTheOneInForce) {
    const auto covered = mountPoint("COVERED");
    const auto uncovered = mountPoint("UNCOVERED");
    writeMountInfo({"90 1 8:17 / " + covered + " rw,relatime - vfat /dev/sdb1 rw",
                    "95 90 0:40 / " + covered + " rw,relatime - tmpfs tmpfs rw",
                    "96 1 0:41 / " + uncovered + " rw,relatime - tmpfs tmpfs rw",
                    "97 96 8:32 / " + uncovered + " rw,relatime - exfat /dev/sdc rw"});
    const auto media = mounted();
    ASSERT_EQ(media.size(), 1u);
    EXPECT_EQ(media[0].mountPoint, uncovered);
    EXPECT_EQ(media[0].device, "/dev/sdc");
}

TEST_F(RemovableMediaTest, AnEmptyMountTableHasNoMedia) {
    writeMountInfo({});
    EXPECT_TRUE(mounted().empty());
}

TEST_F(RemovableMediaTest, AMalformedLineIsSkipped) {
    const auto stick = mountPoint("STICK");
    writeMountInfo({"90 1 8:17 / " + stick + " rw - vfat", "garbage", "",
                    "90 1 8:17 / " + stick + " rw,relatime - vfat /dev/sdb1 rw"});
    EXPECT_EQ(mounted().size(), 1u);
}

TEST_F(RemovableMediaTest, AMissingMountTableIsAnError) {
    SystemMedia media(dir_ / "no-such-mountinfo", dir_ / "sys/class/block");
    const auto found = media.mounted();
    ASSERT_FALSE(found);
    EXPECT_EQ(found.error().code, "media.unreadable");
    EXPECT_NE(found.error().detail.find("no-such-mountinfo"), std::string::npos) << found.error().detail;
}

TEST_F(RemovableMediaTest, AnUnreadableMountTableIsAnError) {
    // A folder opens but cannot be read, even for root.
    std::filesystem::create_directory(dir_ / "mountinfo");
    SystemMedia media(dir_ / "mountinfo", dir_ / "sys/class/block");
    const auto found = media.mounted();
    ASSERT_FALSE(found);
    EXPECT_EQ(found.error().code, "media.unreadable");
}

TEST_F(RemovableMediaTest, ASimulatedStickIsPluggedInWhileItsFolderExists) {
    const auto folder = dir_ / "usb-stick";
    SimulatedMedia media(folder);
    auto unplugged = media.mounted();
    ASSERT_TRUE(unplugged);
    EXPECT_TRUE(unplugged->empty());

    std::filesystem::create_directory(folder);
    auto plugged = media.mounted();
    ASSERT_TRUE(plugged);
    ASSERT_EQ(plugged->size(), 1u);
    EXPECT_EQ((*plugged)[0].mountPoint, folder);
    EXPECT_EQ((*plugged)[0].device, "simulated");
    EXPECT_TRUE((*plugged)[0].writable);
    ASSERT_TRUE((*plugged)[0].freeBytes && (*plugged)[0].totalBytes);
    EXPECT_LE(*(*plugged)[0].freeBytes, *(*plugged)[0].totalBytes);

    std::filesystem::remove(folder);
    auto removed = media.mounted();
    ASSERT_TRUE(removed);
    EXPECT_TRUE(removed->empty());
}

}  // namespace
