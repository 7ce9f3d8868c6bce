//! The full analysis as the worker runs it, and the worker protocol.

mod protocol {
    use super::super::*;

    fn job() -> Job {
        Job {
            id: 9,
            input: Arc::new("a paste with \"quotes\" and\nlines".to_string()),
            key_text: "{\"keys\":[]}".into(),
            secret: "s".into(),
            secret_encoding: SecretEncoding::Base64,
            now: 1_700_000_000,
            leeway: 30,
            detail: 2,
            expectations: Expectations {
                audiences: vec!["api".into()],
                ..Expectations::default()
            },
            detached_content: "$.02".into(),
        }
    }

    fn requests() -> Vec<WorkerRequest> {
        vec![
            WorkerRequest::Analyse(job()),
            WorkerRequest::BenchVerify(BenchVerify {
                token: "a.b.c".into(),
                key: "{}".into(),
                batches: 2,
                per_batch: 3,
            }),
        ]
    }

    #[test]
    fn every_request_round_trips_through_json_and_through_its_parts() {
        for request in requests() {
            let json = serde_json::to_string(&request).unwrap();
            assert_eq!(
                serde_json::from_str::<WorkerRequest>(&json).unwrap(),
                request
            );
            let (json, paste) = request.clone().into_parts();
            let back = WorkerRequest::from_parts(&json, paste.map(|p| p.to_string())).unwrap();
            assert_eq!(back, request);
        }
    }

    #[test]
    fn every_reply_round_trips_through_json() {
        let report = crate::analysis::analyse("eyJhbGciOiJub25lIn0.e30.", &Default::default());
        let replies = [
            WorkerReply::Ready,
            WorkerReply::Result(JobResult {
                id: 4,
                report,
                partial: false,
            }),
            WorkerReply::Bench(BenchTimings {
                batch_ms: vec![1.5, 2.25],
                all_valid: true,
            }),
            WorkerReply::Error("in words".into()),
        ];
        for reply in replies {
            let json = serde_json::to_string(&reply).unwrap();
            let mut back = serde_json::from_str::<WorkerReply>(&json).unwrap();
            if let WorkerReply::Result(result) = &mut back {
                // Display-only, not sent (as the page does on receipt).
                result.report.restore_segments();
            }
            assert_eq!(back, reply, "{json}");
        }
    }

    #[test]
    fn the_wire_shape_is_tagged_and_the_paste_is_not_in_the_json() {
        assert_eq!(
            serde_json::to_string(&WorkerReply::Ready).unwrap(),
            r#""ready""#
        );
        assert_eq!(
            serde_json::to_string(&WorkerReply::Error("why".into())).unwrap(),
            r#"{"error":"why"}"#
        );
        let (json, paste) = WorkerRequest::Analyse(job()).into_parts();
        assert!(
            json.starts_with(r#"{"analyse":{"id":9,"input":"","#),
            "{json}"
        );
        assert_eq!(paste.as_deref(), Some(&*job().input));
        let (json, paste) = requests().pop().unwrap().into_parts();
        assert!(
            json.starts_with(r#"{"bench-verify":{"token":"a.b.c","#),
            "{json}"
        );
        assert_eq!(paste, None);
    }

    #[test]
    fn moving_a_job_into_its_parts_keeps_the_same_paste() {
        let job = job();
        let (_, paste) = WorkerRequest::Analyse(job.clone()).into_parts();
        assert!(Arc::ptr_eq(&job.input, &paste.unwrap()));
    }

    #[test]
    fn an_unreadable_request_is_refused_in_words() {
        for json in [
            "not json",
            r#"{"unknown":{}}"#,
            // The old shapes: a bare job, and the old benchmark request.
            r#"{"id":1,"input":"x"}"#,
            r#"{"bench_verify":"a.b.c","key":"{}","batches":1,"per_batch":1}"#,
        ] {
            let error = WorkerRequest::from_parts(json, None).unwrap_err();
            assert!(
                error.starts_with("the page sent a request the worker cannot read: "),
                "{error}"
            );
        }
    }

    #[test]
    fn a_paste_beside_the_json_is_the_input_and_a_job_may_carry_its_own() {
        let json = r#"{"analyse":{"id":3,"input":"inside"}}"#;
        let beside = WorkerRequest::from_parts(json, Some("beside".into())).unwrap();
        let inside = WorkerRequest::from_parts(json, None).unwrap();
        let input = |r: WorkerRequest| match r {
            WorkerRequest::Analyse(job) => job.input.to_string(),
            other => unreachable!("an analyse request, not {other:?}"),
        };
        assert_eq!(input(beside), "beside");
        assert_eq!(input(inside), "inside");
    }
}

mod analysis {
    use super::super::*;

    #[test]
    fn a_job_verifies_with_its_keys_and_round_trips_as_json() {
        let token =
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.t-IDcSemACt8x4iTMCda8Yhe3iZaWbvV5XKSTbuAn0M";
        let job = Job {
            id: 7,
            input: Arc::new(token.to_string()),
            secret: "not it, but long enough: 0123456789abcdef".into(),
            ..Job::default()
        };
        assert!(job.needs_full_analysis(None, 1 << 20));
        let json = serde_json::to_string(&job).unwrap();
        let result = run(&serde_json::from_str(&json).unwrap());
        assert_eq!(result.id, 7);
        assert_eq!(result.report.tokens[0].signature.status.as_str(), "invalid");
        let back: JobResult =
            serde_json::from_str(&serde_json::to_string(&result).unwrap()).unwrap();
        assert_eq!(back.report.tokens[0].token, token);
    }

    #[test]
    fn large_reports_travel_as_summaries_with_the_selected_details() {
        let line = "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.t-IDcSemACt8x4iTMCda8Yhe3iZaWbvV5XKSTbuAn0M";
        let input = (0..60)
            .map(|i| format!("{line}{}", "A".repeat(i % 2) + &"x".repeat(i / 2)))
            .collect::<Vec<_>>()
            .join("\n");
        let mut cache = Cache::default();
        let mut job = Job {
            id: 1,
            input: input.into(),
            detail: 3,
            ..Job::default()
        };
        let first = run_cached(&job, &mut cache).report;
        assert!(first.tokens.len() > FULL_DETAIL_LIMIT);
        assert!(!first.tokens[3].summary_only && first.tokens[3].header.is_some());
        assert!(first.tokens[4].summary_only && first.tokens[4].header.is_none());
        job.detail = 4;
        job.id = 2;
        let second = run_cached(&job, &mut cache);
        assert_eq!(second.id, 2);
        assert!(!second.report.tokens[4].summary_only);
    }

    #[test]
    fn a_jobs_passes_find_its_tokens_once_and_the_last_pass_lets_them_go() {
        let token =
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.t-IDcSemACt8x4iTMCda8Yhe3iZaWbvV5XKSTbuAn0M";
        let job = Job {
            input: Arc::new(format!("{token}\n{token}x")),
            ..Job::default()
        };
        let mut cache = Cache::default();
        let found = cache.found_in(&job.input);
        assert_eq!(found.tokens.len(), 2);
        let _ = planned_checks(&job, &mut cache, LISTED);
        assert!(
            Arc::ptr_eq(&found, &cache.found_in(&job.input)),
            "found once"
        );
        let same_text = Arc::new(job.input.to_string());
        assert!(
            !Arc::ptr_eq(&found, &cache.found_in(&same_text)),
            "another paste, found anew"
        );
        assert!(!cache.answered_paste(&job.input));
        let answered = run_cached_with(&job, &mut cache, SignatureChecks::Compute);
        assert!(cache.found.is_none());
        assert!(cache.answered_paste(&same_text) && !cache.answered_paste("another"));
        assert_eq!(answered.report, run(&job).report);
    }

    #[test]
    fn a_summary_keeps_the_verdict_and_leaves_out_the_token_and_key_details() {
        // Minted here: HMAC-SHA256 with the secret below
        // (python3 hmac over the first two segments).
        let token =
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.PO53jwVt6q3Wq0_e9s19GLfRv0PSgueTwwpXAZ-r368";
        let input = (0..=FULL_DETAIL_LIMIT)
            .map(|i| format!("line {i}: {token}{}", "x".repeat(i)))
            .collect::<Vec<_>>()
            .join("\n");
        let job = Job {
            input: Arc::new(input),
            secret: "a summary secret of at least 32 bytes".into(),
            ..Job::default()
        };
        let report = run(&job).report;
        let (detail, summary) = (&report.tokens[0], &report.tokens[1]);
        assert_eq!(
            detail.signature.status.as_str(),
            "valid",
            "{}",
            detail.signature.message
        );
        assert!(detail.signature.key.is_some() && detail.token == token);
        assert!(summary.summary_only);
        assert_eq!(summary.signature.status.as_str(), "invalid");
        assert_eq!(
            (summary.token.as_str(), summary.signature.key.as_ref()),
            ("", None)
        );
        assert_eq!(summary.source.line, 2);
    }

    #[test]
    fn the_page_lists_at_most_the_first_tokens_and_says_how_many_there_are() {
        let line =
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.t-IDcSemACt8x4iTMCda8Yhe3iZaWbvV5XKSTbuAn0M";
        let input = (0..LISTED + 7)
            .map(|i| format!("{line}{}", "x".repeat(i)))
            .collect::<Vec<_>>()
            .join("\n");
        let report = run(&Job {
            input: input.into(),
            ..Job::default()
        })
        .report;
        assert_eq!(report.tokens.len(), LISTED);
        assert_eq!(report.total_tokens, Some(LISTED + 7));
        assert_eq!(
            report.notices.last().unwrap().id.as_str(),
            "tokens-truncated"
        );
    }

    #[test]
    fn small_pastes_without_keys_stay_light() {
        let job = Job {
            input: "x".repeat(100).into(),
            ..Job::default()
        };
        assert!(!job.needs_full_analysis(None, 1 << 20));
        assert!(
            Job {
                input: "x".repeat(100).into(),
                ..Job::default()
            }
            .needs_full_analysis(None, 10)
        );
    }
}
