package dev.streamtune.core.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImageReplayBufferTest {

    private static final int PIXELS = 6;

    /** {@code count} images of {@link #PIXELS} bytes; image i is filled with the byte i (so it can be recognised). */
    private static byte[] images(int count) {
        byte[] all = new byte[count * PIXELS];
        for (int i = 0; i < count; i++) {
            Arrays.fill(all, i * PIXELS, (i + 1) * PIXELS, (byte) i);
        }
        return all;
    }

    @Test
    void replaysTheExactPixelsAndLabelsOfStoredImages() {
        ImageReplayBuffer buffer = ImageReplayBuffer.create(ReplayPolicy.RESERVOIR, 50, PIXELS, 3);
        byte[] source = images(200);
        for (int i = 0; i < 200; i++) {
            buffer.offer("img-" + i, source, i * PIXELS, i % 7);
        }
        assertEquals(50, buffer.size());
        assertEquals(200, buffer.seen());
        byte[] out = new byte[20 * PIXELS];
        int[] labels = new int[20];
        assertEquals(20, buffer.sample(20, out, labels));
        Set<Integer> drawn = new HashSet<>();
        for (int k = 0; k < 20; k++) {
            int image = out[k * PIXELS] & 0xFF;
            byte[] expected = new byte[PIXELS];
            Arrays.fill(expected, (byte) image);
            assertArrayEquals(expected, Arrays.copyOfRange(out, k * PIXELS, (k + 1) * PIXELS), "whole image copied");
            assertEquals(image % 7, labels[k], "label travels with its image");
            drawn.add(image);
        }
        assertEquals(20, drawn.size(), "a draw holds distinct images");
    }

    @Test
    void drawsNoMoreThanItHolds() {
        ImageReplayBuffer buffer = ImageReplayBuffer.create(ReplayPolicy.RESERVOIR, 10, PIXELS, 1);
        byte[] source = images(3);
        for (int i = 0; i < 3; i++) {
            assertTrue(buffer.offer("i" + i, source, i * PIXELS, 0));
        }
        assertEquals(3, buffer.sample(8, new byte[8 * PIXELS], new int[8]));
        assertEquals(0, ImageReplayBuffer.create(ReplayPolicy.RESERVOIR, 10, PIXELS, 1)
                .sample(8, new byte[8 * PIXELS], new int[8]));
    }

    @Test
    void classBalancedPolicyKeepsEqualQuotasOfClassesArrivingInTurn() {
        ImageReplayBuffer buffer = ImageReplayBuffer.create(ReplayPolicy.CLASS_BALANCED, 100, PIXELS, 5);
        byte[] source = images(250);
        for (int experience = 0; experience < 5; experience++) {
            for (int i = 0; i < 250; i++) {
                buffer.offer(experience + "-" + i, source, i * PIXELS, 2 * experience + i % 2);
            }
        }
        int[] expected = new int[10];
        Arrays.fill(expected, 10);
        assertArrayEquals(expected, buffer.classCounts());
    }

    @Test
    void sameSeedAndOffersGiveTheSameReplay() {
        byte[][] draws = new byte[2][];
        for (int run = 0; run < 2; run++) {
            ImageReplayBuffer buffer = ImageReplayBuffer.create(ReplayPolicy.RESERVOIR, 30, PIXELS, 11);
            byte[] source = images(120);
            for (int i = 0; i < 120; i++) {
                buffer.offer("s" + i, source, i * PIXELS, i % 3);
            }
            draws[run] = new byte[10 * PIXELS];
            buffer.sample(10, draws[run], new int[10]);
        }
        assertArrayEquals(draws[0], draws[1]);
    }

    @Test
    void keepsOneBytePerPixel() {
        ImageReplayBuffer buffer = ImageReplayBuffer.create(ReplayPolicy.RESERVOIR, 500, 784, 1);
        assertTrue(buffer.retainedBytes() >= 500 * 784L);
        assertTrue(buffer.retainedBytes() < 500 * 784L + 64 * 1024, "pixels as bytes, not floats: "
                + buffer.retainedBytes());
    }

    @Test
    void rejectsAnImageOutsideItsSourceAndStaysUnchanged() {
        ImageReplayBuffer buffer = ImageReplayBuffer.create(ReplayPolicy.RESERVOIR, 4, PIXELS, 1);
        byte[] source = images(2);
        assertThrows(IllegalArgumentException.class, () -> buffer.offer("late", source, PIXELS + 1, 0));
        assertThrows(IllegalArgumentException.class, () -> buffer.offer("negative", source, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> buffer.offer("none", null, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> buffer.offer("", source, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> buffer.offer("bad-label", source, 0, -1));
        assertEquals(0, buffer.size());
        assertEquals(0, buffer.seen());
        assertTrue(buffer.offer("ok", source, PIXELS, 1));
        assertEquals(1, buffer.size());
    }

    @Test
    void rejectsUnusableSizesAndPolicy() {
        assertThrows(IllegalArgumentException.class, () -> ImageReplayBuffer.create(ReplayPolicy.RESERVOIR, 4, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> ImageReplayBuffer.create(ReplayPolicy.RESERVOIR, 0, 6, 1));
        assertThrows(IllegalArgumentException.class, () -> ImageReplayBuffer.create(null, 4, 6, 1));
    }
}
