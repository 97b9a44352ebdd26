package com.buildcrm.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildcrm.outbox.OutboxSender.Claimed;
import com.buildcrm.outbox.OutboxSender.Reserved;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A send batch's lanes (ADR 050): the chats go side by side, but every row of one chat stays in one
 * lane, in id order, so a chat's messages still reach the provider in the order written.
 */
class OutboxLanesTest {

    @Test
    void everyChatStaysInOneLaneInIdOrderAndTheOwnChatLeads() {
        // 12 reserved rows over 6 chats; chat "a" is the own row's
        List<Reserved> reserved = new ArrayList<>();
        String[] chats = {"b", "a", "c", "d", "b", "e", "f", "c", "a", "d", "f", "e"};
        for (int i = 0; i < chats.length; i++) {
            reserved.add(new Reserved(100 + i, chats[i]));
        }
        Claimed own = claimed("a", reserved);

        List<List<Long>> lanes = OutboxSender.lanes(own, 4);

        assertThat(lanes).hasSize(4);
        Map<String, Integer> laneOfChat = new HashMap<>();
        for (int lane = 0; lane < lanes.size(); lane++) {
            List<Long> ids = lanes.get(lane);
            assertThat(ids).as("lane %d in id order", lane).isSorted();
            for (long id : ids) {
                String chat = chats[(int) (id - 100)];
                Integer before = laneOfChat.putIfAbsent(chat, lane);
                assertThat(before == null ? lane : before)
                        .as("chat %s in one lane", chat)
                        .isEqualTo(lane);
            }
        }
        assertThat(laneOfChat.get("a")).as("the own row's chat").isZero();
        assertThat(lanes.stream().mapToInt(List::size).sum()).isEqualTo(reserved.size());
    }

    @Test
    void aBatchOfOneChatIsOneLane() {
        Claimed own = claimed("a", List.of(new Reserved(7, "a"), new Reserved(9, "a")));

        assertThat(OutboxSender.lanes(own, 4)).containsExactly(List.of(7L, 9L));
        assertThat(OutboxSender.lanes(claimed("a", List.of()), 4)).containsExactly(List.of());
    }

    @Test
    void fewerChatsThanLanesMakeOneLaneEach() {
        Claimed own = claimed("a", List.of(new Reserved(5, "b"), new Reserved(6, "c")));

        assertThat(OutboxSender.lanes(own, 4)).containsExactly(List.of(), List.of(5L), List.of(6L));
    }

    private static Claimed claimed(String recipient, List<Reserved> reserved) {
        return new Claimed(1, 1, 1, 1, recipient, null, 1, Instant.EPOCH, reserved);
    }
}
