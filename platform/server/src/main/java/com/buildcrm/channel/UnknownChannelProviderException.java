package com.buildcrm.channel;

/** No adapter is registered under the provider key. */
public class UnknownChannelProviderException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public UnknownChannelProviderException(String provider) {
        super("Unknown channel provider: " + provider);
    }
}
