package org.machi.alerts.delivery;

import java.util.List;

/** One way of reaching subscribers (email, webhook). Sends a batch and says what became of each. */
interface DeliveryChannel {

    Deliveries.Channel channel();

    /** One result per delivery, in any order; never throws for a single recipient's failure. */
    List<Deliveries.Result> send(List<Deliveries.Due> batch);
}
