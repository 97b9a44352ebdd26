package com.buildcrm.plugin.api;

import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * An industry pack: what one industry adds to the universal AI manager. The platform loads packs
 * with PF4J and picks one per tenant. Implementations receive and return immutable records only;
 * they never see entities, the database or server classes.
 */
public interface IndustryPack extends ExtensionPoint {

    /** The pack's identity; {@link PackDescriptor#id()} equals the PF4J plugin id. */
    PackDescriptor descriptor();

    /**
     * The qualification fields the AI manager collects, in the order it asks for them. Must contain
     * the core keys {@code name}, {@code city} and {@code preferred_call_time}.
     */
    List<QualificationField> qualificationSchema();
}
