#include "kiosk/app/health_board.h"

#include <utility>

namespace kiosk::app {

void HealthBoard::post(drivers::ComponentHealth health) {
    if (health.lastError.size() > kMaxDetail) health.lastError.resize(kMaxDetail);
    std::lock_guard lock(mutex_);
    const auto it = latest_.find(health.component);
    if (it != latest_.end() && it->second.health.state == health.state &&
        it->second.health.lastError == health.lastError) {
        it->second.health.required = health.required;
        return;  // as it was: keep when it became so
    }
    const auto component = health.component;
    latest_.insert_or_assign(component, HealthChange{std::move(health), clock_.now()});
}

std::vector<HealthChange> HealthBoard::takeChanges() {
    std::lock_guard lock(mutex_);
    std::vector<HealthChange> changed;
    for (const auto& [component, change] : latest_) {
        const Seen now{change.health.state, change.health.lastError};
        const auto it = taken_.find(component);
        if (it != taken_.end() && it->second == now) continue;
        taken_.insert_or_assign(component, now);
        changed.push_back(change);
    }
    return changed;
}

std::vector<drivers::ComponentHealth> HealthBoard::latest() const {
    std::lock_guard lock(mutex_);
    std::vector<drivers::ComponentHealth> out;
    for (const auto& [component, change] : latest_) out.push_back(change.health);
    return out;
}

}  // namespace kiosk::app
