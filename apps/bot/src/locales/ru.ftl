# Команды
cmd-start = Старт и главное меню
cmd-help = Что я умею
cmd-done = Отметить привычки за сегодня
cmd-new = Создать привычку
cmd-habits = Ваши привычки
cmd-rewards = Ваши награды
cmd-streaks = Ваши серии
cmd-stats = Статистика
cmd-settings = Настройки
cmd-cancel = Выйти из текущего шага

# Первое знакомство
start-welcome = 👋 Здравствуйте, { $name }! Я помогаю вырабатывать привычки, держать серии и получать награды, которые вы выберете.
start-ask-timezone = 🌍 Сначала часовой пояс, чтобы ваш день заканчивался в вашу полночь. Нажмите кнопку, отправьте геопозицию или напишите пояс или город (например, <code>Europe/Moscow</code> или <code>Алматы</code>).
timezone-location-button = 📍 Отправить геопозицию
timezone-unknown = 🤔 Я не знаю часовой пояс «{ $input }». Попробуйте город, например Berlin, или пояс, например Asia/Almaty.
timezone-set = ✅ Часовой пояс: <b>{ $zone }</b>. У вас сейчас { $time }.
start-ready = Готово! Создайте первую привычку командой /new или откройте меню.

# Главное меню
menu-title = 🏠 <b>Главное меню</b>
menu-done = ✅ Сделано сегодня
menu-habits = 🧩 Привычки
menu-rewards = 🎁 Награды
menu-streaks = 🔥 Серии
menu-stats = 📊 Статистика
menu-settings = ⚙️ Настройки
menu-help = ❓ Помощь
button-back = ⬅️ Назад
button-undo = ↩️ Отменить
coming-soon = 🚧 Этот раздел ещё в работе. Пока работают: ✅ Сделано сегодня, 🔥 Серии и /new.

# Сделано сегодня
done-title = ✅ <b>Что вы сделали сегодня?</b>
done-no-habits = У вас пока нет привычек. Создайте первую командой /new.
done-nothing-due = 🎉 На сегодня всё. Отличная работа!
done-logged = ✅ <b>{ $habit }</b> — сделано! 🔥 Серия: { $streak }
done-reward-won = 🎁 Вы получили часть награды <b>{ $reward }</b>! { $bar } { $earned }/{ $required }
done-reward-achieved = 🏆 <b>{ $reward }</b> ваша: заберите её в разделе «Награды».
done-no-reward = В этот раз без награды. Продолжайте!
done-milestone-streak = 🏅 { $days } дней подряд!
done-milestone-target = 🏅 Цель достигнута: { $count } выполнений!
undo-done = ↩️ Отменено: <b>{ $habit }</b> за { $date }.
undo-reward-taken = Часть награды «{ $reward }» возвращена.
undo-nothing = Нечего отменять.

# Серии
streaks-title = 🔥 <b>Серии</b>
streaks-line = { $habit }: сейчас { $current }, лучшая { $longest }
streaks-none = Привычек пока нет. Создайте первую командой /new.

# Отказы
error-already-completed = Уже отмечено за { $date }.
error-habit-archived = Эта привычка в архиве.
error-future-date = Этот день ещё не наступил.
error-outside-window = Отмечать можно не больше чем на 7 дней назад.
error-before-start = Эта привычка начинается { $date }.
error-after-end = Эта привычка закончилась { $date }.
error-stale-button = ⌛ Эта кнопка устарела.
error-generic = 😕 У меня что-то пошло не так. Попробуйте ещё раз.

# Прочее
hint-free-text = Я не понял. Воспользуйтесь меню или /help.
cancel-done = Хорошо, отменено.
cancel-nothing = Нечего отменять.
help-text =
    <b>Что я умею</b>
    /done — отметить привычки за сегодня
    /new — создать привычку
    /streaks — ваши серии
    /habits, /rewards, /stats, /settings
    /cancel — выйти из текущего шага
    Каждая выполненная привычка может принести часть награды, которую вы задали.

# Напоминания
reminder-text = ⏰ Пора: <b>{ $habit }</b> ({ $time }).
reminder-done = ✅ Сделано
reminder-snooze = 💤 Через час
reminder-snoozed = 💤 Напомню о <b>{ $habit }</b> в { $time }.
reminder-skip = Пропустить сегодня
reminder-skipped = Хорошо, <b>{ $habit }</b> сегодня пропускаем.
