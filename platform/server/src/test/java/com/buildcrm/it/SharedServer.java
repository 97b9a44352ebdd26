package com.buildcrm.it;

/** One running server shared by the black-box test classes of this JVM (each start costs ~20 s). */
final class SharedServer {

    private static ServerProcess server;

    private SharedServer() {}

    static synchronized ServerProcess get() {
        if (server == null) {
            server = ServerProcess.startFresh();
            ServerProcess started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return server;
    }
}
