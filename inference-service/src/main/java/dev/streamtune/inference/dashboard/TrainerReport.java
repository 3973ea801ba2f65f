package dev.streamtune.inference.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * What one trainer instance said when the dashboard asked it, or why it said nothing.
 *
 * @param url the instance's base URL ({@code inference.dashboard.trainer-urls})
 * @param reachable whether it answered with a readable status
 * @param detail why not (connection refused, timeout, HTTP status, unreadable body), {@code null} when reachable
 * @param device the device it trains on, when reachable
 * @param models the figures of the models it trains, by model name (empty when unreachable)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrainerReport(String url, boolean reachable, String detail, String device, Map<String, TrainingFigures> models) {

    static TrainerReport answered(String url, String device, Map<String, TrainingFigures> models) {
        return new TrainerReport(url, true, null, device, Map.copyOf(models));
    }

    static TrainerReport unreachable(String url, String detail) {
        return new TrainerReport(url, false, detail, null, Map.of());
    }
}
