# mnistnet summary CSV + training log CSV -> "key value" lines (see book/29-mnist-results.nw)
BEGIN { FS = "," }
FNR == 1 { file++ }
file == 1 && $1 == "total" { params = $4 }
file == 2 { split($0, kv, " ")
            setting[kv[1]] = kv[2] }
file == 3 && $1 ~ /^[0-9]+$/ { epochs = $1; seconds += $2
                               acc = $7 * 100; final = acc; before_last = final_loss; final_loss = $6
                               if ($5 < $7) train_below_test++
                               if (acc > best) { best = acc; best_epoch = $1 }
                               if (first_target == "" && acc >= 99.4) first_target = $1 }
END { printf "%s.params %d\n%s.epochs %d\n%s.threads %s\n", prefix, params, prefix, epochs, prefix, setting["threads"]
      printf "%s.batch %s\n%s.lr %s\n", prefix, setting["batch"], prefix, setting["lr"]
      printf "%s.label_smoothing %s\n", prefix, setting["label_smoothing"] == "" ? 0 : setting["label_smoothing"]
      printf "%s.clean_epochs %s\n", prefix, setting["clean_epochs"] == "" ? 0 : setting["clean_epochs"]
      printf "%s.train_images %s\n", prefix, setting["train_images"]
      printf "%s.best_test_acc %.2f\n%s.best_epoch %d\n", prefix, best, prefix, best_epoch
      printf "%s.final_test_acc %.2f\n%s.final_test_loss %.4f\n", prefix, final, prefix, final_loss
      printf "%s.mean_seconds %.1f\n", prefix, seconds / epochs
      printf "%s.train_below_test %d\n", prefix, train_below_test
      printf "%s.test_loss_before_last %s\n", prefix, (epochs > 1 ? sprintf("%.4f", before_last) : "n/a")
      if (first_target != "")
          printf "%s.verdict first reached 99.4 %% test accuracy in epoch %d of %d\n", prefix, first_target, epochs
      else
          printf "%s.verdict did not reach 99.4 %% test accuracy in this run's %d epochs\n", prefix, epochs }
