-- Which published alerts and notices have had their deliveries queued. Queueing happens once per
-- item, also for one that reached no subscriber at the time: a later resubmission of its event
-- must not send it to whoever has subscribed since.
CREATE TABLE alerts.delivery_queued (
    item_id   UUID PRIMARY KEY,
    queued_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- everything published before this table existed has been queued already
INSERT INTO alerts.delivery_queued (item_id, queued_at)
SELECT id, published_at FROM alerts.alert WHERE published_at IS NOT NULL;
INSERT INTO alerts.delivery_queued (item_id, queued_at)
SELECT id, published_at FROM alerts.notice;
