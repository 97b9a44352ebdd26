package com.buildcrm.brain;

/** Lead temperature (brief §8): 🔥 hot, 🟡 warm, ❄️ cold. */
public enum Temperature {
    HOT,
    WARM,
    COLD
}
