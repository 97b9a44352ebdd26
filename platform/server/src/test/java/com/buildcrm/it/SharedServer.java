package com.buildcrm.it;

/** One running server shared by the black-box test classes of this JVM (each start costs ~20 s). */
final class SharedServer {

    private static ServerProcess server;

    private SharedServer() {}

    static synchronized ServerProcess get() {
        if (server == null) {
            // push endpoints on 127.0.0.1 are allowed: the fake push service of ManagerDayIT lives
            // there; two web-app origins get CORS (BrowserHardeningIT)
            server =
                    ServerProcess.startFresh(
                            java.util.Map.of(
                                    "BUILDCRM_PUSH_ALLOW_HTTP_LOCALHOST",
                                    "true",
                                    "BUILDCRM_CORS_ORIGINS",
                                    BrowserHardeningIT.CORS_ORIGINS));
            ServerProcess started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return server;
    }
}
