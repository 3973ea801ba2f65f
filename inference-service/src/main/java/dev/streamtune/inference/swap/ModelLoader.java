package dev.streamtune.inference.swap;

import dev.streamtune.contracts.Modality;
import dev.streamtune.contracts.VersionInfo;
import dev.streamtune.inference.batching.BatcherPool;
import dev.streamtune.inference.batching.SharedBackbones;
import java.util.LinkedHashSet;
import org.jboss.logging.Logger;

/**
 * The single loader thread: brings each scheduled model to its target version (pinned or newest), off the request
 * path. Per load: open or reuse the backbone, check compatibility, decode the head, check it fits, run a warm-up
 * prediction, then swap it in. Versions of text models whose encoder was trained are rebuilt by {@link TunedVersions}
 * on the shared base encoder instead. A refused version is forgotten (with a reason) and the model rescheduled, so the
 * next-best version is considered while the current one keeps serving. Scheduling a model twice before it is
 * handled loads it once, at its newest target.
 */
public final class ModelLoader implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ModelLoader.class);

    private final SharedBackbones backbones;
    private final HeadLoader heads;
    private final TunedVersions tuned;
    private final BatcherPool batchers;
    private final RegisteredModels registered;
    private final SwapEvents events;
    private final LinkedHashSet<ModelEntry> pending = new LinkedHashSet<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Runnable beforeFirstLoad = () -> { };

    /**
     * @param registered gives each model's input modality; a model that is not registered (yet) waits until it is
     *     scheduled again
     */
    public ModelLoader(SharedBackbones backbones, HeadLoader heads, BatcherPool batchers, RegisteredModels registered,
            SwapEvents events) {
        this(backbones, heads, TunedVersions.UNAVAILABLE, batchers, registered, events);
    }

    /** @param tuned loads versions of text models whose encoder was trained ({@code fine-tune}, {@code lora}) */
    public ModelLoader(SharedBackbones backbones, HeadLoader heads, TunedVersions tuned, BatcherPool batchers,
            RegisteredModels registered, SwapEvents events) {
        this.backbones = backbones;
        this.heads = heads;
        this.tuned = tuned;
        this.batchers = batchers;
        this.registered = registered;
        this.events = events;
        this.thread = new Thread(this::run, "model-loader");
        this.thread.setDaemon(true);
    }

    /** Starts loading; {@code initialSync} runs first on the loader thread (e.g. waits until the feed caught up). */
    public void start(Runnable initialSync) {
        this.beforeFirstLoad = initialSync;
        thread.start();
    }

    /** Asks for {@code model} to be brought to its target version. */
    public void schedule(ModelEntry model) {
        synchronized (pending) {
            pending.add(model);
            pending.notifyAll();
        }
    }

    private void run() {
        try {
            beforeFirstLoad.run();
            while (running) {
                ModelEntry next;
                synchronized (pending) {
                    while (pending.isEmpty() && running) {
                        pending.wait(500);
                    }
                    if (!running) {
                        return;
                    }
                    next = pending.iterator().next();
                    pending.remove(next);
                }
                try {
                    bringToTarget(next);
                } catch (RuntimeException e) {
                    LOG.errorf(e, "loading model %s failed unexpectedly", next.name());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void bringToTarget(ModelEntry model) {
        KeptVersion target = model.target();
        LoadedModel current = model.slot().peek();
        if (target == null || (current != null && current.info().version() == target.version())) {
            return;
        }
        Modality modality = registered.modality(model.name());
        if (modality == null) {
            LOG.infof("model %s: version %d waits for the model's spec (its input modality is unknown)", model.name(), target.version());
            return;
        }
        long start = System.nanoTime();
        try {
            LoadedModel next = load(target, modality, current == null ? null : current.info());
            model.slot().swap(next);
            events.swapped(model.name(), next, current, (System.nanoTime() - start) / 1_000_000);
        } catch (VersionRefusedException e) {
            Refusal r = new Refusal(target.version(), e.reason(), e.getMessage(), System.currentTimeMillis());
            model.versions().refuse(r);
            events.refused(model.name(), r);
            schedule(model);
        }
    }

    private LoadedModel load(KeptVersion target, Modality modality, VersionInfo current) {
        VersionInfo info = target.info();
        if (TunedVersions.serves(info, modality)) {
            try {
                return tuned.load(info, target.artifact(), current);
            } catch (VersionRefusedException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new VersionRefusedException(RefusalReason.UNREADABLE, "version " + info.key() + " cannot be rebuilt: "
                        + e.getMessage(), e);
            }
        }
        SharedBackbones.Opened backbone;
        try {
            backbone = backbones.get(info.backbone(), modality);
        } catch (RuntimeException e) {
            throw new VersionRefusedException(RefusalReason.BACKBONE_UNAVAILABLE, "version " + info.key()
                    + ": backbone " + info.backbone() + " for " + modality + " inputs cannot be opened: " + e.getMessage(), e);
        }
        CompatibilityCheck.backbone(info, backbone.backbone().info());
        CompatibilityCheck.labels(info, current);
        ModelHead head;
        try {
            head = heads.load(info, target.artifact(), backbone.backbone().info());
        } catch (VersionRefusedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new VersionRefusedException(RefusalReason.UNREADABLE, "version " + info.key() + ": artifact cannot be read: "
                    + e.getMessage(), e);
        }
        try {
            CompatibilityCheck.head(info, head, backbone.backbone().info());
            WarmUp.check(info, head, backbone.warmUpFeatures());
        } catch (RuntimeException e) {
            head.close();
            throw e;
        }
        return new LoadedModel(info, head, batchers.of(backbone), System.currentTimeMillis());
    }

    @Override
    public void close() {
        running = false;
        synchronized (pending) {
            pending.notifyAll();
        }
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
