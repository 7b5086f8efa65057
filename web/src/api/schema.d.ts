export interface paths {
    "/meetings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** the tenant's meetings, newest first, a page at a time */
        get: operations["listMeetings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/meetings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** one meeting: status of every step, manifest, summary, action items, decisions, chapters */
        get: operations["getMeeting"];
        put?: never;
        post?: never;
        /** admin: delete a meeting's results, catalog entry and search documents (the recording stays) */
        delete: operations["deleteMeeting"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/meetings/{id}/transcript": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** the transcript (json, vtt or srt), or a translation (json or vtt) */
        get: operations["getTranscript"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/meetings/{id}/live-captions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** the captions shown during the call (final captions, translations and gaps; source 'live'): rough, the transcript is the record */
        get: operations["getLiveCaptions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/meetings/{id}/audio": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** the recording, for a player; honours Range requests (206). With a key, or as a signed URL from /audio-url (no key) */
        get: operations["getRecording"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/meetings/{id}/audio-url": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** a signed URL of the recording, valid 15 minutes, for an <audio src> to stream from without a key */
        get: operations["getRecordingUrl"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/meetings/{id}/reprocess": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** admin: run a meeting again, whole or from a step */
        post: operations["reprocessMeeting"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/meetings/{id}/consent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** admin: record that the meeting's participants agreed to its processing; a meeting awaiting consent starts its run */
        post: operations["recordConsent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/meetings/{id}/speakers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** admin: name diarised speakers */
        put: operations["renameSpeakers"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/meetings/{id}/speakers/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** admin: apply the proposed speaker names (all open ones, or those of the speakers given) through the speaker rename */
        post: operations["confirmSpeakerNames"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/meetings/{id}/edits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** people's edits of the meeting (who, when, what), and what the caller's key may edit */
        get: operations["listMeetingEdits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/meetings/{id}/action-items/{itemId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** tick (done), reword, reassign or re-date an action item (members and admins); sends action_item.updated to CRM subscriptions that asked for it */
        patch: operations["editActionItem"];
        trace?: never;
    };
    "/meetings/{id}/transcript/{utteranceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** admin: correct a transcript line's text; the transcript as transcribed stays beside it, and search, downloads and a rerun of Understand read the correction */
        patch: operations["correctTranscriptLine"];
        trace?: never;
    };
    "/meetings/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** the notes (summary, decisions, action items, chapters; the transcript if asked) as Markdown or PDF, for download */
        get: operations["exportNotes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/meetings/{id}/share-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** admin: a read-only link to this meeting for someone without a key, expiring (default 7 days, at most 90) */
        post: operations["createShareLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/share-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** admin: the tenant's share links (active, expired and revoked), newest first; never their tokens */
        get: operations["listShareLinks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/share-links/{linkId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** admin: revoke a share link: it stops opening the meeting at once */
        delete: operations["revokeShareLink"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/shared/meeting": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** share link: the shared meeting's page, and when the link expires */
        get: operations["getSharedMeeting"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/shared/transcript": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** share link: its transcript (json, vtt or srt), or a translation (json or vtt) */
        get: operations["getSharedTranscript"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/shared/live-captions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** share link: the captions shown during its call */
        get: operations["getSharedLiveCaptions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/shared/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** share link: its notes as Markdown or PDF */
        get: operations["exportSharedNotes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/shared/audio-url": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** share link: a signed URL of its recording, valid 15 minutes */
        get: operations["getSharedRecordingUrl"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/action-items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** action items across the tenant's meetings, soonest due first */
        get: operations["listActionItems"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** hybrid (semantic + keyword) search of the archive */
        get: operations["searchArchive"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ask": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** ask the archive (or one meeting) a question: an answer whose every sentence cites the passages it rests on */
        post: operations["askArchive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** admin: the tenant's audit log (key changes, reprocess, delete, renames, consent, admin searches and questions), newest first */
        get: operations["listAuditEntries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** the tenant's webhook subscriptions, without their secrets */
        get: operations["listSubscriptions"];
        put?: never;
        /** admin: send action items (and other events) to a CRM by signed webhook (Standard Webhooks); the only answer that carries the secret */
        post: operations["createSubscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/subscriptions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** admin: stop sending to a subscription */
        delete: operations["deleteSubscription"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** the webhook delivery log: every message with its state and attempts */
        get: operations["listDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deliveries/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** admin: send a message again (same webhook-id, so receivers can dedupe), with a fresh retry window */
        post: operations["replayDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/live/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** a short-lived ticket for a browser's socket or event stream (ingest audio into a room, or subscribe to its captions), so no API key goes into a URL */
        post: operations["createLiveTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/live/rooms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** the tenant's rooms in progress: who speaks, how many watch */
        get: operations["listLiveRooms"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/live/rooms/{room}/captions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** a room's captions as they are spoken, as Server-Sent Events (an API key in the header, or a subscribe ticket for EventSource) */
        get: operations["streamLiveCaptions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** the caller's key: its public id and role */
        get: operations["getCurrentKey"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        MeetingsPage: {
            meetings: components["schemas"]["MeetingSummary"][];
            nextCursor: string | null;
        };
        MeetingSummary: {
            meetingId: string;
            title: string;
            recordingKey: string;
            recordedAt: string;
            /**
             * @description awaiting_consent: the tenant requires consent and none is recorded (nothing was sent to any provider; POST /meetings/{id}/consent starts the run)
             * @enum {string}
             */
            state: "awaiting_consent" | "processing" | "ready" | "failed";
            /** @description ready, but some results came from the offline fallback: degradedReasons says which and why */
            degraded: boolean;
            /** @description which steps fell back to the offline engine, and why */
            degradedReasons: components["schemas"]["Degradation"][];
            error: {
                step: string | null;
                name: string;
                message: string;
            } | null;
            updatedAt: string | null;
            /**
             * @description where `title` came from: the recording's `title` metadata, its room (LiveKit webhook or `room` metadata), its first informative chapter, when it was recorded, or its file name
             * @enum {string}
             */
            titleSource: "metadata" | "room" | "chapter" | "recorded" | "file";
            room: string | null;
            /** @description the recording's length, from its transcript; null before one exists */
            durationMs: number | null;
            /** @description speakers who said something, most talk first */
            participants: string[];
            /** @description each speaker's speaking time and share of all speech, most first */
            talkTime: components["schemas"]["TalkTime"][];
            /** @description the summary's first sentences */
            summaryPreview: string | null;
            /** @description while processing: the step running and when the notes should be ready; null otherwise */
            progress: components["schemas"]["ReadyEstimate"] | null;
            /**
             * @description the meeting's page in the web UI: absolute under AFTERCALL_WEB_URL (or AFTERCALL_PUBLIC_URL, or the local server's address)
             * @example https://aftercall.example.com/#/meetings/mtg_0123456789abcdef01234567
             */
            url: string;
        };
        Degradation: {
            step: string;
            reason: string;
        };
        TalkTime: {
            speaker: string;
            ms: number;
            share: number;
        };
        ReadyEstimate: {
            /** @description the step running now, or the next to start */
            step: string | null;
            stepsDone: number;
            stepsTotal: number;
            /** @description the recording's length: its transcript's from an earlier run, else read from the file (Ogg granule position, WAV data size), else guessed from its size at 128 kbps */
            recordingMs: number;
            /** @description false when the length was guessed from the file's size */
            recordingLengthExact: boolean;
            remainingMs: number;
            /** @description when the notes should be ready (ISO time) */
            readyAt: string;
            /**
             * @description measured: each step's median time per minute of recording over the tenant's last 20 published runs; default: built-in figures, nothing measured yet
             * @enum {string}
             */
            basis: "measured" | "default";
            /** @description how many published runs the speeds come from */
            samples: number;
        };
        Error: {
            error: {
                status: number;
                message: string;
            };
        };
        MeetingDetail: {
            meeting: components["schemas"]["Meeting"];
            /** @description summary.json, or null before it exists (or when it is corrupt) */
            summary: components["schemas"]["Summary"] | null;
            /** @description action-items.json with people's edits laid over it (each item: done, and edit: who, when, version; detached: true for an edited item a rerun no longer finds), or null */
            actionItems: components["schemas"]["ActionItems"] | null;
            /** @description decisions.json (what the meeting settled, each citing utterance ids), or null before it exists or for meetings understood before decisions were a result */
            decisions: components["schemas"]["Decisions"] | null;
            /** @description chapters.json, or null */
            chapters: components["schemas"]["Chapters"] | null;
            /** @description whether the live caption relay saved captions for this meeting (GET /meetings/{id}/live-captions) */
            hasLiveCaptions: boolean;
            /** @description speaker-names.json: names proposed for the speakers with evidence (utterance ids), applied only by POST /meetings/{id}/speakers/confirm; or null */
            speakerNames: components["schemas"]["SpeakerNameProposals"] | null;
            /** @description who generated each result (engine, model, version); show `label` ("AI-generated — may be inaccurate") beside each one */
            aiLabels: {
                label: string;
                transcript: components["schemas"]["GeneratedBy"] | null;
                summary: components["schemas"]["GeneratedBy"] | null;
                actionItems: components["schemas"]["GeneratedBy"] | null;
                decisions: components["schemas"]["GeneratedBy"] | null;
                chapters: components["schemas"]["GeneratedBy"] | null;
            };
            /** @description result files that exist but are corrupt, shown as null above (e.g. ["manifest.json"]) */
            unreadable: string[];
        };
        Meeting: {
            meetingId: string;
            title: string;
            recordingKey: string;
            recordedAt: string;
            /**
             * @description awaiting_consent: the tenant requires consent and none is recorded (nothing was sent to any provider; POST /meetings/{id}/consent starts the run)
             * @enum {string}
             */
            state: "awaiting_consent" | "processing" | "ready" | "failed";
            /** @description ready, but some results came from the offline fallback: degradedReasons says which and why */
            degraded: boolean;
            /** @description which steps fell back to the offline engine, and why */
            degradedReasons: components["schemas"]["Degradation"][];
            error: {
                step: string | null;
                name: string;
                message: string;
            } | null;
            updatedAt: string | null;
            /**
             * @description where `title` came from: the recording's `title` metadata, its room (LiveKit webhook or `room` metadata), its first informative chapter, when it was recorded, or its file name
             * @enum {string}
             */
            titleSource: "metadata" | "room" | "chapter" | "recorded" | "file";
            room: string | null;
            /** @description the recording's length, from its transcript; null before one exists */
            durationMs: number | null;
            /** @description speakers who said something, most talk first */
            participants: string[];
            /** @description each speaker's speaking time and share of all speech, most first */
            talkTime: components["schemas"]["TalkTime"][];
            /** @description the summary's first sentences */
            summaryPreview: string | null;
            /** @description while processing: the step running and when the notes should be ready; null otherwise */
            progress: components["schemas"]["ReadyEstimate"] | null;
            resultPrefix: string;
            steps: components["schemas"]["Step"][];
            /** @description while processing: the step running now (null before the first starts); the earlier results stay readable until the run replaces them */
            currentStep: string | null;
            /** @description null before Publish, and when manifest.json is corrupt (then listed in `unreadable`); during a rerun, the earlier run's */
            manifest: components["schemas"]["Manifest"] | null;
            /** @description the meeting's corrupt files among manifest.json */
            unreadable: string[];
            /**
             * @description the meeting's page in the web UI: absolute under AFTERCALL_WEB_URL (or AFTERCALL_PUBLIC_URL, or the local server's address)
             * @example https://aftercall.example.com/#/meetings/mtg_0123456789abcdef01234567
             */
            url: string;
        };
        Step: {
            name: string;
            state: ("running" | "succeeded" | "failed" | "skipped") | "pending";
            /** @description why a step failed or was skipped */
            detail: string | null;
            startedAt: string | null;
            finishedAt: string | null;
        };
        Manifest: {
            /** @enum {number} */
            schemaVersion: 1;
            meetingId: string;
            tenantId: string;
            recordingKey: string;
            runId: string;
            publishedAt: string;
            aftercallVersion: string;
            engines: {
                transcript: string | null;
                understanding: string | null;
                translation: string | null;
                embedding: string | null;
            };
            files: {
                name: string;
                key: string;
                bytes: number;
                sha256: string;
                schemaVersion: number | null;
            }[];
            steps: {
                /** @enum {number} */
                schemaVersion: 1;
                /** @enum {string} */
                step: "intake" | "transcribe" | "translate" | "understand" | "index" | "publish";
                runId: string;
                /** @enum {string} */
                state: "running" | "succeeded" | "failed" | "skipped";
                startedAt: string;
                finishedAt: string | null;
                detail: string | null;
                /** @default 1 */
                attempt: number;
                /** @default [] */
                usage: {
                    provider: string;
                    model: string;
                    /** @enum {string} */
                    unit: "input_tokens" | "output_tokens" | "audio_minutes" | "embedding_tokens" | "requests";
                    quantity: number;
                }[];
                /** @default [] */
                degraded: {
                    reason: string;
                }[];
                name: string;
                durationMs: number | null;
            }[];
            translations: {
                language: string;
                /** @enum {string} */
                state: "succeeded" | "skipped" | "failed";
                reason: string | null;
            }[];
            counts: {
                utterances: number;
                speakers: number;
                durationMs: number;
                actionItems: number;
                decisions?: number;
                chapters: number;
                indexedDocuments: number | null;
            };
            warnings: {
                step: string;
                message: string;
            }[];
            degraded: {
                step: string;
                reason: string;
            }[];
            retries: number;
            usage: {
                provider: string;
                model: string;
                /** @enum {string} */
                unit: "input_tokens" | "output_tokens" | "audio_minutes" | "embedding_tokens" | "requests";
                quantity: number;
                step: string;
            }[];
            cost: {
                /** @enum {string} */
                currency: "USD";
                estimated: number;
                lines: {
                    item: string;
                    quantity: number;
                    unit: string;
                    usd: number;
                }[];
                unpriced: string[];
            };
        };
        Summary: {
            /** @enum {number} */
            schemaVersion: 1;
            meetingId: string;
            engine: string;
            generatedBy?: {
                engine: string;
                model: string;
                version: string | null;
                aiGenerated: boolean;
            };
            text: string;
            sentences: {
                text: string;
                utteranceIds: string[];
            }[];
            sections?: {
                overview: {
                    text: string;
                    utteranceIds: string[];
                }[];
                keyPoints: {
                    text: string;
                    utteranceIds: string[];
                }[];
                decisions: {
                    text: string;
                    utteranceIds: string[];
                }[];
                nextSteps: {
                    text: string;
                    utteranceIds: string[];
                }[];
            };
        };
        ActionItems: {
            /** @enum {number} */
            schemaVersion: 1;
            meetingId: string;
            engine: string;
            generatedBy?: {
                engine: string;
                model: string;
                version: string | null;
                aiGenerated: boolean;
            };
            items: components["schemas"]["ActionItem"][];
        };
        ActionItem: {
            id: string;
            text: string;
            owner: string | null;
            /** @enum {string} */
            ownerKind?: "person" | "group";
            dueDate: string | null;
            dueText: string | null;
            utteranceIds: string[];
            startMs: number;
            done: boolean;
            edit: {
                id: string;
                version: number;
                /** Format: date-time */
                editedAt: string;
                editedBy: {
                    /** @enum {string} */
                    type: "apiKey";
                    keyId: string;
                    /** @enum {string} */
                    role: "member" | "admin";
                } | {
                    /** @enum {string} */
                    type: "operator";
                    name: string;
                } | {
                    /** @enum {string} */
                    type: "shareLink";
                    linkId: string;
                } | {
                    /** @enum {string} */
                    type: "system";
                    name: string;
                };
                fields: string[];
            } | null;
            /**
             * @description a rerun no longer finds the item this edit was made on: kept as the person left it
             * @enum {boolean}
             */
            detached?: true;
        };
        Decisions: {
            /** @enum {number} */
            schemaVersion: 1;
            meetingId: string;
            engine: string;
            generatedBy?: {
                engine: string;
                model: string;
                version: string | null;
                aiGenerated: boolean;
            };
            decisions: {
                id: string;
                text: string;
                utteranceIds: string[];
                startMs: number;
            }[];
        };
        Chapters: {
            /** @enum {number} */
            schemaVersion: 1;
            meetingId: string;
            engine: string;
            generatedBy?: {
                engine: string;
                model: string;
                version: string | null;
                aiGenerated: boolean;
            };
            chapters: {
                id: string;
                title: string;
                startMs: number;
                endMs: number;
                utteranceIds: string[];
            }[];
        };
        SpeakerNameProposals: {
            /** @enum {number} */
            schemaVersion: 1;
            meetingId: string;
            engine: string;
            proposals: {
                speakerId: string;
                currentName: string;
                name: string;
                confidence: number;
                evidence: {
                    utteranceId: string;
                    /** @enum {string} */
                    kind: "introduced" | "addressed";
                }[];
                confirmedAt: string | null;
            }[];
        };
        GeneratedBy: {
            engine: string;
            model: string;
            version: string | null;
            aiGenerated: boolean;
        };
        Transcript: {
            /** @enum {number} */
            schemaVersion: 1;
            meetingId: string;
            language: string | null;
            durationMs: number;
            speakers: {
                id: string;
                name: string;
            }[];
            utterances: {
                id: string;
                speakerId: string;
                startMs: number;
                endMs: number;
                text: string;
                confidence: number | null;
                words: {
                    text: string;
                    startMs: number;
                    endMs: number;
                    confidence: number | null;
                }[];
            }[];
            source: {
                /** @enum {string} */
                kind: "import" | "deepgram" | "openai";
                detail: string;
                key: string;
            };
        };
        Translation: {
            /** @enum {number} */
            schemaVersion: 1;
            meetingId: string;
            language: string;
            sourceLanguage: string | null;
            engine: string;
            generatedBy?: {
                engine: string;
                model: string;
                version: string | null;
                aiGenerated: boolean;
            };
            utterances: {
                id: string;
                text: string;
            }[];
        };
        LiveCaptions: {
            /** @enum {number} */
            schemaVersion: 1;
            /** @enum {string} */
            source: "live";
            room: string;
            startedAt: string;
            endedAt: string;
            events: ({
                room: string;
                seq: number;
                participant: string;
                /** @enum {string} */
                type: "caption";
                /** @enum {string} */
                kind: "interim" | "final";
                text: string;
                startMs: number;
                endMs: number;
                /** @enum {string} */
                track: "original" | "translation";
                language: string | null;
                source: string;
            } | {
                room: string;
                seq: number;
                participant: string;
                /** @enum {string} */
                type: "gap";
                fromMs: number;
                reason: string;
            } | {
                room: string;
                seq: number;
                participant: string;
                /** @enum {string} */
                type: "ended";
            })[];
        };
        SearchHit: {
            meetingId: string;
            /** @enum {string} */
            kind: "transcript" | "summary" | "action_item" | "chapter";
            startMs: number;
            endMs: number;
            /** @description who says the text shown, comma-separated */
            speaker: string | null;
            /** @description the speakers of the text shown, in order */
            speakers: string[];
            /** @description matched words in «…» */
            snippet: string;
            score: number;
            utteranceIds: string[];
        };
        AskAnswer: {
            question: string;
            /** @description false when nothing retrieved answers the question; text then says so */
            answered: boolean;
            /** @enum {string} */
            answeredBy: "extractive" | "model";
            text: string;
            sentences: {
                /** @description extractive answers mark the question’s words in «…» */
                text: string;
                citations: components["schemas"]["AskCitation"][];
            }[];
            passages: components["schemas"]["AskPassage"][];
            /** @description sentences whose citations named no retrieved passage, dropped */
            droppedSentences: number;
            /** @description how the answer was made: extractive, a fallback from the model, cut short */
            notice: string | null;
            /** @description the engine and model that wrote the answer */
            generatedBy: {
                engine: string;
                model: string;
                version: string | null;
                aiGenerated: boolean;
            };
            /** @description AI-generated — may be inaccurate: shown with every answer */
            label: string;
        };
        AskCitation: {
            passageId: string;
            meetingId: string;
            utteranceIds: string[];
            startMs: number;
            /** @description the meeting page, opening the player at startMs: /meetings/<id>?t=<ms> */
            link: string;
        };
        AskPassage: {
            /** @description local to this answer: "1", "2", …, what citations name */
            id: string;
            meetingId: string;
            startMs: number;
            endMs: number;
            score: number;
            lines: {
                utteranceId: string;
                speaker: string;
                startMs: number;
                text: string;
            }[];
        };
        AskRequest: {
            /** @description free text, e.g. "what did we decide about the casing?" */
            question: string;
            /** @description ask one meeting; omit for the whole archive */
            meetingId?: string;
            /** @description meetings recorded at or after: ISO date (YYYY-MM-DD) or date-time */
            from?: string;
            /** @description meetings recorded at or before: ISO date (YYYY-MM-DD) or date-time */
            to?: string;
        };
        Subscription: {
            id: string;
            tenantId: string;
            /** Format: uri */
            url: string;
            events: ("action_items.published" | "decisions.published" | "action_item.updated")[];
            /** Format: date-time */
            createdAt: string;
            active: boolean;
        };
        Delivery: {
            id: string;
            tenantId: string;
            subscriptionId: string;
            /** @enum {string} */
            eventType: "action_items.published" | "decisions.published" | "action_item.updated";
            /** Format: date-time */
            createdAt: string;
            /** @enum {string} */
            status: "pending" | "delivered" | "dead";
            /** Format: date-time */
            firstAttemptAt: string | null;
            /** Format: date-time */
            nextAttemptAt: string;
            attempts: {
                /** Format: date-time */
                at: string;
                httpStatus: number | null;
                error: string | null;
                /** @enum {string} */
                outcome: "delivered" | "retry" | "dead" | "refused";
            }[];
            /** @description the event as sent, parsed back for reading */
            payload?: unknown;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listMeetings: {
        parameters: {
            query?: {
                /** @description 1..100, default 20 */
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
                /** @description recorded at or after: ISO date (YYYY-MM-DD) or date-time */
                from?: string;
                /** @description recorded at or before: ISO date (YYYY-MM-DD) or date-time */
                to?: string;
                /** @description part of the recording key or title */
                room?: string;
                /** @description part of a speaker's name */
                participant?: string;
                /** @description words that must all appear in the title, room, recording key, participants or summary preview (case-insensitive) */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page of meetings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeetingsPage"];
                };
            };
            /** @description bad filter or cursor */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMeeting: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description meeting id, mtg_… */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the meeting */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeetingDetail"];
                };
            };
            /** @description missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such meeting */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the meeting was erased (retention): when, why and from which stores */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteMeeting: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description meeting id, mtg_… */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        meetingId: string;
                        /** @enum {boolean} */
                        deleted: true;
                        deletedObjects: number;
                        recordingKey: string;
                        /** @enum {boolean} */
                        recordingKept: true;
                        message: string;
                    };
                };
            };
            /** @description missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description needs an admin key */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such meeting */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description still processing */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTranscript: {
        parameters: {
            query?: {
                /** @description json (default), vtt or srt */
                format?: string;
                /** @description a translation language, e.g. fr */
                lang?: string;
            };
            header?: never;
            path: {
                /** @description meeting id, mtg_… */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the transcript */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Transcript"] | components["schemas"]["Translation"];
                    "text/vtt": string;
                    "application/x-subrip": string;
                };
            };
            /** @description unknown format */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such meeting, or not transcribed yet */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the meeting was erased (retention): when, why and from which stores */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getLiveCaptions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description meeting id, mtg_… */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the saved live captions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LiveCaptions"];
                };
            };
            /** @description missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such meeting, or no live captions were saved for it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the meeting was erased (retention): when, why and from which stores */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getRecording: {
        parameters: {
            query?: {
                /** @description signed URL only: the tenant the URL was issued to */
                tenant?: string;
                /** @description signed URL only: expiry, seconds since 1970 */
                expires?: string;
                /** @description signed URL only: HMAC-SHA256 (base64url) of tenant, meeting id and expiry */
                sig?: string;
            };
            header?: never;
            path: {
                /** @description meeting id, mtg_… */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the whole recording */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "audio/*": string;
                };
            };
            /** @description the requested bytes */
            206: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "audio/*": string;
                };
            };
            /** @description missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a signed URL that has expired, was altered, or was issued for another meeting or tenant */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such meeting, or a meeting of separate participant tracks */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the meeting was erased (retention): when, why and from which stores */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description range not satisfiable */
            416: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getRecordingUrl: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description meeting id, mtg_… */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the signed URL */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description path of the recording with a signature, valid 15 minutes: use it as <audio src>
                         * @example /api/meetings/mtg_…/audio?tenant=demo&expires=1767225600&sig=…
                         */
                        url: string;
                        expiresAt: string;
                    };
                };
            };
            /** @description missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such meeting, or a meeting of separate participant tracks */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the meeting was erased (retention): when, why and from which stores */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    reprocessMeeting: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description meeting id, mtg_… */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /**
                     * @default transcribe
                     * @enum {string}
                     */
                    from?: "transcribe" | "translate" | "understand" | "index" | "publish";
                };
            };
        };
        responses: {
            /** @description started */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        meetingId: string;
                        runId: string;
                    };
                };
            };
            /** @description bad step */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description needs an admin key */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such meeting */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    recordConsent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description meeting id, mtg_… */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description recorded (and the run started, if the meeting was waiting) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        meetingId: string;
                        consent: {
                            grantedAt: string;
                            source: string;
                            recordedBy: string | null;
                        };
                        /** @description the run consent started, when the meeting was awaiting consent; null when it was not waiting */
                        runId: string | null;
                    };
                };
            };
            /** @description missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description needs an admin key */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such meeting, or its recording was deleted while it waited */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    renameSpeakers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description meeting id, mtg_… */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    [key: string]: string;
                };
            };
        };
        responses: {
            /** @description renaming */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        runId: string;
                    };
                };
            };
            /** @description bad names */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description needs an admin key */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such meeting */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    confirmSpeakerNames: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description meeting id, mtg_… */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    speakerIds?: string[];
                };
            };
        };
        responses: {
            /** @description renaming */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        runId: string;
                        names: {
                            [key: string]: string;
                        };
                    };
                };
            };
            /** @description bad body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description needs an admin key */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such meeting or proposal */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listMeetingEdits: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description meeting id, mtg_… */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the edits */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description what the caller's key may edit: action items (members and admins), transcript lines and speaker names (admins) */
                        permissions: {
                            actionItems: boolean;
                            transcript: boolean;
                            speakers: boolean;
                        };
                        /** @description every action item edit: its anchor (the item as generated), changes, version, who and when */
                        actionItems: unknown[];
                        /** @description every line correction, with applied: false when the line no longer reads what was corrected */
                        transcriptLines: unknown[];
                    };
                };
            };
            /** @description a body that is not a valid edit */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such meeting (in your tenant), or no such item or line */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the item or line changed since the version you quote, or the meeting has no results to edit yet */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    editActionItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description meeting id, mtg_… */
                id: string;
                /** @description the action item's id as the meeting shows it (a3; a detached item's, ae2) */
                itemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    done?: boolean;
                    text?: string;
                    owner?: string | null;
                    dueDate?: string | null;
                    /** @description the item's edit version you read (0 when nobody has edited it): a stale one is refused with 409 */
                    version: number;
                };
            };
        };
        responses: {
            /** @description the item as it now reads */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        actionItem: components["schemas"]["ActionItem"];
                        /**
                         * @description stale: the search index could not be updated now; 'aftercall reindex' rebuilds it
                         * @enum {string}
                         */
                        searchIndex: "updated" | "stale";
                    };
                };
            };
            /** @description a body that is not a valid edit */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such meeting (in your tenant), or no such item or line */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the item or line changed since the version you quote, or the meeting has no results to edit yet */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    correctTranscriptLine: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description meeting id, mtg_… */
                id: string;
                /** @description the transcript line's utterance id */
                utteranceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description the line's edit version you read (0 when nobody has edited it): a stale one is refused with 409 */
                    version: number;
                    /** @description the line's corrected text; the transcribed text removes the correction */
                    text: string;
                };
            };
        };
        responses: {
            /** @description the line as it now reads */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        utteranceId: string;
                        text: string;
                        originalText: string;
                        /** @description 0 when the correction was removed */
                        version: number;
                        /**
                         * @description stale: the search index could not be updated now; 'aftercall reindex' rebuilds it
                         * @enum {string}
                         */
                        searchIndex: "updated" | "stale";
                    };
                };
            };
            /** @description a body that is not a valid edit */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description needs an admin key */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such meeting (in your tenant), or no such item or line */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the item or line changed since the version you quote, or the meeting has no results to edit yet */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    exportNotes: {
        parameters: {
            query: {
                /** @description md (Markdown) or pdf */
                format: "md" | "pdf";
                /** @description include the transcript (default false) */
                transcript?: "true" | "false";
            };
            header?: never;
            path: {
                /** @description meeting id, mtg_… */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the notes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/markdown": string;
                    "application/pdf": string;
                };
            };
            /** @description unknown format */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such meeting */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the meeting is not ready yet */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the meeting was erased (retention): when, why and from which stores */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createShareLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description meeting id, mtg_… */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /**
                     * @description 1..90 days, default 7
                     * @default 7
                     */
                    expiresInDays?: number;
                };
            };
        };
        responses: {
            /** @description the link, with its token (shown once) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description sl_<linkId>_<secret>: shown once, never stored (only its hash is) */
                        token: string;
                        /**
                         * @description where the web UI opens it: the token sits in the #fragment, which browsers never send to a server
                         * @example /#/shared/sl_…
                         */
                        path: string;
                        link: {
                            linkId: string;
                            tenantId: string;
                            meetingId: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            expiresAt: string;
                            createdBy: string;
                            /** Format: date-time */
                            revokedAt: string | null;
                        };
                    };
                };
            };
            /** @description bad expiry */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description needs an admin key */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such meeting */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the meeting was erased (retention): when, why and from which stores */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listShareLinks: {
        parameters: {
            query?: {
                meetingId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the links */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        links: {
                            linkId: string;
                            tenantId: string;
                            meetingId: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            expiresAt: string;
                            createdBy: string;
                            /** Format: date-time */
                            revokedAt: string | null;
                        }[];
                    };
                };
            };
            /** @description missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description needs an admin key */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    revokeShareLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the link id (16 hex characters) */
                linkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description revoked */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        link: {
                            linkId: string;
                            tenantId: string;
                            meetingId: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            expiresAt: string;
                            createdBy: string;
                            /** Format: date-time */
                            revokedAt: string | null;
                        };
                    };
                };
            };
            /** @description missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description needs an admin key */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such link in this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSharedMeeting: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the meeting */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        meeting: {
                            meetingId: string;
                            title: string;
                            recordingKey: string;
                            recordedAt: string;
                            /**
                             * @description awaiting_consent: the tenant requires consent and none is recorded (nothing was sent to any provider; POST /meetings/{id}/consent starts the run)
                             * @enum {string}
                             */
                            state: "awaiting_consent" | "processing" | "ready" | "failed";
                            /** @description ready, but some results came from the offline fallback: degradedReasons says which and why */
                            degraded: boolean;
                            /** @description which steps fell back to the offline engine, and why */
                            degradedReasons: components["schemas"]["Degradation"][];
                            error: {
                                step: string | null;
                                name: string;
                                message: string;
                            } | null;
                            updatedAt: string | null;
                            /**
                             * @description where `title` came from: the recording's `title` metadata, its room (LiveKit webhook or `room` metadata), its first informative chapter, when it was recorded, or its file name
                             * @enum {string}
                             */
                            titleSource: "metadata" | "room" | "chapter" | "recorded" | "file";
                            room: string | null;
                            /** @description the recording's length, from its transcript; null before one exists */
                            durationMs: number | null;
                            /** @description speakers who said something, most talk first */
                            participants: string[];
                            /** @description each speaker's speaking time and share of all speech, most first */
                            talkTime: components["schemas"]["TalkTime"][];
                            /** @description the summary's first sentences */
                            summaryPreview: string | null;
                            /** @description while processing: the step running and when the notes should be ready; null otherwise */
                            progress: components["schemas"]["ReadyEstimate"] | null;
                            resultPrefix: string;
                            steps: components["schemas"]["Step"][];
                            /** @description while processing: the step running now (null before the first starts); the earlier results stay readable until the run replaces them */
                            currentStep: string | null;
                            /** @description null before Publish, and when manifest.json is corrupt (then listed in `unreadable`); during a rerun, the earlier run's */
                            manifest: components["schemas"]["Manifest"] | null;
                            /** @description the meeting's corrupt files among manifest.json */
                            unreadable: string[];
                        };
                        /** @description summary.json, or null before it exists (or when it is corrupt) */
                        summary: components["schemas"]["Summary"] | null;
                        /** @description action-items.json with people's edits laid over it (each item: done, and edit: who, when, version; detached: true for an edited item a rerun no longer finds), or null */
                        actionItems: components["schemas"]["ActionItems"] | null;
                        /** @description decisions.json (what the meeting settled, each citing utterance ids), or null before it exists or for meetings understood before decisions were a result */
                        decisions: components["schemas"]["Decisions"] | null;
                        /** @description chapters.json, or null */
                        chapters: components["schemas"]["Chapters"] | null;
                        /** @description whether the live caption relay saved captions for this meeting (GET /meetings/{id}/live-captions) */
                        hasLiveCaptions: boolean;
                        /** @description speaker-names.json: names proposed for the speakers with evidence (utterance ids), applied only by POST /meetings/{id}/speakers/confirm; or null */
                        speakerNames: components["schemas"]["SpeakerNameProposals"] | null;
                        /** @description who generated each result (engine, model, version); show `label` ("AI-generated — may be inaccurate") beside each one */
                        aiLabels: {
                            label: string;
                            transcript: components["schemas"]["GeneratedBy"] | null;
                            summary: components["schemas"]["GeneratedBy"] | null;
                            actionItems: components["schemas"]["GeneratedBy"] | null;
                            decisions: components["schemas"]["GeneratedBy"] | null;
                            chapters: components["schemas"]["GeneratedBy"] | null;
                        };
                        /** @description result files that exist but are corrupt, shown as null above (e.g. ["manifest.json"]) */
                        unreadable: string[];
                        share: {
                            expiresAt: string;
                        };
                    };
                };
            };
            /** @description a share token that is invalid, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the shared meeting is no longer there, or has no such result */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSharedTranscript: {
        parameters: {
            query?: {
                /** @description json (default), vtt or srt */
                format?: string;
                /** @description a translation language, e.g. fr */
                lang?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the transcript */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Transcript"] | components["schemas"]["Translation"];
                    "text/vtt": string;
                    "application/x-subrip": string;
                };
            };
            /** @description unknown format */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a share token that is invalid, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the shared meeting is no longer there, or has no such result */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSharedLiveCaptions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the saved live captions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LiveCaptions"];
                };
            };
            /** @description a share token that is invalid, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the shared meeting is no longer there, or has no such result */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    exportSharedNotes: {
        parameters: {
            query: {
                /** @description md (Markdown) or pdf */
                format: "md" | "pdf";
                /** @description include the transcript (default false) */
                transcript?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the notes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/markdown": string;
                    "application/pdf": string;
                };
            };
            /** @description unknown format */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description a share token that is invalid, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the shared meeting is no longer there, or has no such result */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the meeting is not ready yet */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSharedRecordingUrl: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the signed URL */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description path of the recording with a signature, valid 15 minutes: use it as <audio src>
                         * @example /api/meetings/mtg_…/audio?tenant=demo&expires=1767225600&sig=…
                         */
                        url: string;
                        expiresAt: string;
                    };
                };
            };
            /** @description a share token that is invalid, expired or revoked */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the shared meeting is no longer there, or has no such result */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listActionItems: {
        parameters: {
            query?: {
                /** @description part of the owner's name */
                owner?: string;
                due_before?: string;
                /** @description 1..100, default 20 */
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page of action items */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        actionItems: {
                            id: string;
                            text: string;
                            owner: string | null;
                            dueDate: string | null;
                            dueText: string | null;
                            startMs: number;
                            utteranceIds: string[];
                            meetingId: string;
                            meetingTitle: string;
                            recordedAt: string;
                            /** @description opens the meeting at the moment it was said: absolute under AFTERCALL_WEB_URL (or AFTERCALL_PUBLIC_URL, or the local server), app-relative when none is known */
                            link: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description bad filter or cursor */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    searchArchive: {
        parameters: {
            query: {
                /** @description free text */
                q: string;
                /** @description 1..100, default 10 */
                limit?: number;
                /** @description repeatable: transcript, summary, action_item, chapter */
                kind?: ("transcript" | "summary" | "action_item" | "chapter") | ("transcript" | "summary" | "action_item" | "chapter")[];
                meetingId?: string;
                /** @description part of a speaker name or label, case-insensitive; any speaker of the passage */
                speaker?: string;
                /** @description meetings recorded at or after: ISO date (YYYY-MM-DD) or date-time */
                from?: string;
                /** @description meetings recorded at or before: ISO date (YYYY-MM-DD) or date-time */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description hits, best first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        hits: components["schemas"]["SearchHit"][];
                    };
                };
            };
            /** @description bad query */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    askArchive: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AskRequest"];
            };
        };
        responses: {
            /** @description the answer: streamed as server-sent events (default), or whole as JSON with `Accept: application/json` */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                    "application/json": components["schemas"]["AskAnswer"];
                };
            };
            /** @description bad question or scope */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such meeting */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description the meeting was erased (retention): when, why and from which stores */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listAuditEntries: {
        parameters: {
            query?: {
                /** @description entries at or after: ISO date (YYYY-MM-DD) or date-time */
                from?: string;
                /** @description entries at or before (a date: the whole day): ISO date (YYYY-MM-DD) or date-time */
                to?: string;
                action?: "apiKey.create" | "apiKey.revoke" | "shareLink.create" | "shareLink.revoke" | "meeting.reprocess" | "meeting.delete" | "meeting.renameSpeakers" | "meeting.edit" | "consent.record" | "consent.withdraw" | "archive.search" | "archive.ask" | "meeting.erase";
                /** @description 1..200, default 50 */
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description a page of entries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        entries: {
                            /** @enum {number} */
                            schemaVersion: 1;
                            id: string;
                            tenantId: string;
                            /** Format: date-time */
                            at: string;
                            actor: {
                                /** @enum {string} */
                                type: "apiKey";
                                keyId: string;
                                /** @enum {string} */
                                role: "member" | "admin";
                            } | {
                                /** @enum {string} */
                                type: "operator";
                                name: string;
                            } | {
                                /** @enum {string} */
                                type: "shareLink";
                                linkId: string;
                            } | {
                                /** @enum {string} */
                                type: "system";
                                name: string;
                            };
                            /** @enum {string} */
                            action: "apiKey.create" | "apiKey.revoke" | "shareLink.create" | "shareLink.revoke" | "meeting.reprocess" | "meeting.delete" | "meeting.renameSpeakers" | "meeting.edit" | "consent.record" | "consent.withdraw" | "archive.search" | "archive.ask" | "meeting.erase";
                            target: {
                                /** @enum {string} */
                                type: "meeting" | "apiKey" | "shareLink" | "archive" | "tenant";
                                id: string;
                            };
                            details: {
                                [key: string]: string | number | boolean | null | string[];
                            };
                        }[];
                        nextCursor: string | null;
                        /** @description ids of entries that are listed but could not be read as entries */
                        unreadable: string[];
                    };
                };
            };
            /** @description bad filter or cursor */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description needs an admin key */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listSubscriptions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the subscriptions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        subscriptions: components["schemas"]["Subscription"][];
                    };
                };
            };
            /** @description missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    url: string;
                    /**
                     * @default [
                     *       "action_items.published"
                     *     ]
                     */
                    events?: ("action_items.published" | "decisions.published" | "action_item.updated")[];
                };
            };
        };
        responses: {
            /** @description created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        subscription: {
                            id: string;
                            tenantId: string;
                            /** Format: uri */
                            url: string;
                            events: ("action_items.published" | "decisions.published" | "action_item.updated")[];
                            /** Format: date-time */
                            createdAt: string;
                            active: boolean;
                            /** @description whsec_…: the receiver verifies signatures with it; shown once */
                            secret: string;
                        };
                    };
                };
            };
            /** @description a bad URL or event, or a receiver address that is not allowed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description needs an admin key */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description sub_… or msg_… */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description a malformed id */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description needs an admin key */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such subscription in this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listDeliveries: {
        parameters: {
            query?: {
                status?: "pending" | "delivered" | "dead";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the log */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        deliveries: components["schemas"]["Delivery"][];
                    };
                };
            };
            /** @description a bad status */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    replayDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description sub_… or msg_… */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description queued again */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        delivery: components["schemas"]["Delivery"];
                    };
                };
            };
            /** @description missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description needs an admin key */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description no such message in this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createLiveTicket: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    room: string;
                    /** @enum {string} */
                    purpose: "ingest" | "subscribe";
                    participant?: string;
                };
            };
        };
        responses: {
            /** @description the ticket */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ticket: string;
                        expiresAt: string;
                        /** @description the streaming speech-to-text engine */
                        transcriber: string;
                    };
                };
            };
            /** @description a bad room, purpose or participant */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listLiveRooms: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the rooms */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        rooms: {
                            name: string;
                            startedAt: string;
                            speakers: string[];
                            subscribers: number;
                        }[];
                        transcriber: string;
                    };
                };
            };
            /** @description missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    streamLiveCaptions: {
        parameters: {
            query?: {
                /** @description a subscribe ticket for this room, from POST /live/tickets */
                ticket?: string;
            };
            header?: never;
            path: {
                /** @description the room name, as the media server names it */
                room: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description caption events (event: the caption event type; data: the event as JSON) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description a bad room name or an unknown query parameter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCurrentKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the key */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description the key's public id (never its secret) */
                        keyId: string;
                        /**
                         * @description what the key may do: admins also manage keys, share links, subscriptions and the audit log
                         * @enum {string}
                         */
                        role: "member" | "admin";
                    };
                };
            };
            /** @description missing or invalid API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
