// A departure-time route's schedule (route/timetable_router.hpp) as JSON and as a text table.
#pragma once

#include "report/route_geometry.hpp"
#include "route/timetable_router.hpp"

#include <nlohmann/json.hpp>
#include <string>

namespace caravan::report {

/// {"depart","arrive","hours","days","end_handling_hours","legs":[{"from","to","from_id","to_id",
/// "mode","ready","depart","arrive","wait_hours","why":[...]}]}; times as ISO 8601 UTC
/// ("2026-03-03T08:00Z"). One leg per leg of the route (a run of one mode); a leg's wait is the
/// time from the cargo being ready at its first node to its departure, plus any wait inside it.
nlohmann::ordered_json schedule_to_json(const Network& net, const TimedRoute& r);

/// route_to_json() of the path with "schedule" added and the total's hours and days replaced by
/// the timed ones (the constant model's hours kept as "constant_model_hours").
nlohmann::ordered_json timed_route_to_json(const Network& net, const TimedRoute& r,
                                           const GeometryOptions& geometry = {});

/// route_to_table() followed by the schedule: per leg departure, arrival, wait and why.
std::string timed_route_to_table(const Network& net, const TimedRoute& r);

} // namespace caravan::report
