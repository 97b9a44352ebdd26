package com.buildcrm.channel;

/**
 * A channel's settings miss a required value or hold one that cannot be used. The message names the
 * setting, never its value.
 */
public class InvalidChannelSettingsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidChannelSettingsException(String message) {
        super(message);
    }
}
