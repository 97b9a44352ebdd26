package com.buildcrm.packs.panelhouses;

import org.pf4j.Plugin;

/** PF4J entry point of the panel-houses pack (panel houses in Kazakhstan). */
public class PanelHousesPlugin extends Plugin {}
